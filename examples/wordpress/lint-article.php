<?php
/**
 * Plugin Name: lint-article
 * Description: Lints each post with a lint-article service when it is saved, and shows the findings beside the editor.
 * Version: 0.1.0
 * Requires PHP: 7.4
 * License: MIT
 *
 * Run the service (`pip install 'lint-article[server]'`, then `lint-article serve`) where
 * WordPress can reach it, drop this file in wp-content/plugins/, activate it, and say in
 * wp-config.php where the service listens (the defaults are shown):
 *
 *     define( 'LINT_ARTICLE_URL', 'http://127.0.0.1:8484' );
 *     define( 'LINT_ARTICLE_TOKEN', '' );  // the service's --token, if it has one
 *
 * On each save of a post or a page, its content goes to POST /v1/lint with the `fragment`
 * profile (WordPress prints the title itself: the body has no <h1>), and the report is
 * kept in the post's meta; the "lint-article" box beside the editor lists its findings
 * (the block editor shows a save's findings the next time the post is opened).
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const LINT_ARTICLE_META = '_lint_article_report';
const LINT_ARTICLE_POST_TYPES = array( 'post', 'page' );

/**
 * Asks the service about one article.
 *
 * @param string $html The post's content.
 * @param string $path The name it is linted under (the service's per-file settings).
 * @return array|WP_Error The report (the files[] entry of `lint-article check --format json`), or why there is none.
 */
function lint_article_check( string $html, string $path ) {
	$url     = defined( 'LINT_ARTICLE_URL' ) ? LINT_ARTICLE_URL : 'http://127.0.0.1:8484';
	$headers = array( 'Content-Type' => 'application/json' );
	if ( defined( 'LINT_ARTICLE_TOKEN' ) && '' !== LINT_ARTICLE_TOKEN ) {
		$headers['Authorization'] = 'Bearer ' . LINT_ARTICLE_TOKEN;
	}
	$request  = array(
		'html'   => $html,
		'path'   => $path,
		'config' => array( 'profile' => 'fragment' ),
	);
	$response = wp_remote_post(
		rtrim( $url, '/' ) . '/v1/lint',
		array(
			'headers' => $headers,
			'body'    => wp_json_encode( $request ),
			'timeout' => 15,
		)
	);
	if ( is_wp_error( $response ) ) {
		return $response;
	}
	$status = (int) wp_remote_retrieve_response_code( $response );
	$body   = json_decode( wp_remote_retrieve_body( $response ), true );
	if ( 200 !== $status || ! is_array( $body ) ) {
		// Every error of the service is {"error": {"code", "message"}}.
		$message = is_array( $body ) && isset( $body['error']['message'] ) ? $body['error']['message'] : 'no JSON answer';
		return new WP_Error( 'lint_article', sprintf( 'the lint-article service answered %d: %s', $status, $message ) );
	}
	return $body;
}

/**
 * Lints a post when it is saved, and keeps the report (or why there is none) in its meta.
 *
 * @param int     $post_id The post's id.
 * @param WP_Post $post    The post.
 */
function lint_article_on_save( int $post_id, WP_Post $post ): void {
	if ( wp_is_post_revision( $post_id ) || wp_is_post_autosave( $post_id ) ) {
		return;
	}
	if ( ! in_array( $post->post_type, LINT_ARTICLE_POST_TYPES, true ) ) {
		return;
	}
	$report = lint_article_check( $post->post_content, ( $post->post_name ? $post->post_name : 'post-' . $post_id ) . '.html' );
	$kept   = is_wp_error( $report ) ? array( 'error' => $report->get_error_message() ) : $report;
	update_post_meta( $post_id, LINT_ARTICLE_META, wp_slash( wp_json_encode( $kept ) ) );
}
add_action( 'save_post', 'lint_article_on_save', 10, 2 );

/**
 * Lists the findings of the last save; every value that comes from the article or the
 * service is escaped before it is printed.
 *
 * @param WP_Post $post The post being edited.
 */
function lint_article_meta_box( WP_Post $post ): void {
	$report = json_decode( (string) get_post_meta( $post->ID, LINT_ARTICLE_META, true ), true );
	if ( ! is_array( $report ) ) {
		echo '<p>' . esc_html__( 'Save the post to lint it.', 'lint-article' ) . '</p>';
		return;
	}
	if ( ! empty( $report['error'] ) ) {
		echo '<p>' . esc_html( $report['error'] ) . '</p>';
		return;
	}
	if ( empty( $report['findings'] ) ) {
		echo '<p>' . esc_html__( 'No findings.', 'lint-article' ) . '</p>';
		return;
	}
	echo '<ul>';
	foreach ( $report['findings'] as $finding ) {
		printf(
			'<li><strong>%1$s</strong> %2$s <a href="%3$s" target="_blank" rel="noopener">%4$s</a>, line %5$d</li>',
			esc_html( $finding['severity'] ),
			esc_html( $finding['message'] ),
			esc_url( $finding['url'] ),
			esc_html( $finding['rule'] ),
			(int) $finding['line']
		);
	}
	echo '</ul>';
}

add_action(
	'add_meta_boxes',
	function (): void {
		foreach ( LINT_ARTICLE_POST_TYPES as $post_type ) {
			add_meta_box( 'lint-article', 'lint-article', 'lint_article_meta_box', $post_type, 'side', 'high' );
		}
	}
);
