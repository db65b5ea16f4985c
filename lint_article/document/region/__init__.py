"""Where the article is on a page: the element that holds its body, the parts
inside it that are not the article, and the heading that titles it.

A saved web page wraps the story in the site's template: navigation, cookie
banners, share bars, bylines, teasers of other stories, comment threads and
footers. :func:`find_region` finds the story the way the best extractors do,
reading only the parsed :class:`~lint_article.document.article.Article`, so that every
position stays the document model's:

1. One pass down the tree and one back up it measure every container: how its
   tag, ``role``, ``class`` and ``id`` name it (navigation, share bar,
   comments...), the characters of its blocks and of its links, and the net
   prose value of its blocks (a paragraph of prose counts for its length; a
   link list, a label or a dateline against it). Nothing below walks a subtree
   again, so the cost stays linear in the page whatever its shape.
2. The headline is the heading most like the title that the page declares
   (``og:title``, JSON-LD ``headline``, ``<title>``).
3. Paragraphs vote for their ancestors, as in Mozilla Readability (length,
   commas, link density, class weights), outside furniture; what the publisher
   marks as the body weighs more (``itemprop="articleBody"``, JSON-LD
   ``articleBody``). The best container is widened to the headline above it:
   the lead between them joins the body, what comes before the headline does not.
4. Inside that root, what is not the story is set aside: furniture, link lists,
   headings over nothing, and the datelines, labels and calls to follow a link
   at the edges of the story's prose.
"""

from .finder import Region, find_region

__all__ = ["Region", "find_region"]
