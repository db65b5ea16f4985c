"""Word lists that the readability checks after Yoast's share: transition words and
phrases, the English passive's auxiliaries and participles, and the words that do not
make a sentence's beginning (articles, numbers, demonstratives).

They are data, not tokenisation: rules may import these constants
(``tests/test_rule_boundaries.py``). Every entry is lower-case, apostrophes
straight, a phrase one space between its words. The lists follow the ones Yoast
SEO publishes for its readability analysis (repository Yoast/wordpress-seo,
``packages/yoastseo/src/languageProcessing/languages/LANG/config/``:
``transitionWords.js``, ``firstWordExceptions.js``,
``internal/passiveVoiceAuxiliaries.js``), written out for lint-article, so that
the shares these rules compute are the ones a writer who knows Yoast expects.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(phrase.strip().split(" ")) for phrase in text.split("|") if phrase.strip())


# A sentence that holds one of these (as a word) has a transition (Yoast's "transition words").
TRANSITION_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        """
        accordingly additionally afterward afterwards albeit also although altogether another basically because
        before besides but certainly chiefly comparatively concurrently consequently contrarily conversely
        correspondingly despite doubtedly during earlier emphatically equally especially eventually evidently
        explicitly finally firstly following formerly forthwith fourthly further furthermore generally hence
        henceforth however identically indeed initially instead last lastly later lest likewise markedly
        meanwhile moreover nevertheless nonetheless nor notwithstanding obviously occasionally otherwise overall
        particularly presently previously rather regardless secondly shortly significantly similarly
        simultaneously since so soon specifically still straightaway subsequently surely surprisingly than then
        thereafter therefore thereupon thirdly though thus till undeniably undoubtedly unless unlike
        unquestionably until when whenever whereas while whether if actually
        """
    ),
}
# ... or one of these phrases, its words in a row.
TRANSITION_PHRASES: dict[str, frozenset[tuple[str, ...]]] = {
    "en": _phrases(
        """
        above all|after all|after that|all in all|all of a sudden|all things considered|analogous to
        |another key point|as a matter of fact|as a result|as an illustration|as can be seen|as has been noted
        |as long as|as much as|as opposed to|as shown above|as soon as|as well as|at any rate|at first|at last
        |at least|at length|at the present time|at the same time|at this point|at this time|by all means
        |by and large|by comparison|by the same token|by the time|compared to|be that as it may|coupled with
        |different from|due to|equally important|even if|even more|even so|even though|for example
        |for fear that|for instance|for one thing|for that reason|for the most part|for the purpose of
        |for the same reason|for this purpose|for this reason|from time to time|given that|given these points
        |in a word|in addition|in another case|in any case|in any event|in brief|in case|in conclusion
        |in contrast|in detail|in due time|in effect|in either case|in essence|in fact|in general|in light of
        |in like manner|in order that|in order to|in other words|in particular|in reality|in short
        |in spite of|in sum|in summary|in that case|in the event that|in the final analysis|in the first place
        |in the long run|in the meantime|in the same way|in the second place|in this case|in this situation
        |in time|in truth|in view of|inasmuch as|most important|not only|not to mention|note that|now that
        |of course|on account of|on balance|on condition that|on one hand|on the contrary|on the other hand
        |on the whole|once in a while|only if|owing to|prior to|provided that|seeing that|so as to|so far
        |so long as|so that|sooner or later|such as|summing up|that is|that is to say|then again|this time
        |to be sure|to begin with|to clarify|to conclude|to demonstrate|to emphasize|to explain|to illustrate
        |to point out|to put it another way|to put it differently|to repeat|to sum up|to summarize|to that end
        |to this end|together with|under those circumstances|until now|up to the present time|what's more
        |while it may be true|with this in mind|without a doubt|without delay|without doubt|according to
        """
    ),
}
# The English passive: a form of "be" or "get", then a past participle.
PASSIVE_AUXILIARIES: frozenset[str] = _words("am is are was were be been being get gets got gotten getting")
# Words that may stand between the auxiliary and the participle ("was not built", "is often said").
PASSIVE_GAP_WORDS: frozenset[str] = _words(
    "not never also still already just often always now then widely largely first later even rarely ever"
)
# Past participles that do not end in -ed.
IRREGULAR_PARTICIPLES: frozenset[str] = _words(
    """
    arisen awoken beaten begun bent bet bid bitten bled blown bound bred broadcast broken brought built
    burnt bought cast caught chosen clung cost crept cut dealt done drawn dreamt driven dug dwelt
    eaten fallen fed felt fought found fled flung flown forbidden forecast foreseen foretold forgiven
    forgotten forsaken frozen given ground grown hung heard held hidden hit hurt kept knelt known laid led
    leant learnt left lent let lit lost made meant met mistaken misunderstood mown overcome overdone overheard
    overridden overrun overseen overtaken overthrown overwritten paid proven put quit read rebuilt redone
    remade rent repaid reset retold rewritten rid ridden risen run said sawn seen sought sold sent set sewn
    shaken shaven shed shod shot shown shrunk shut slain slept slid slung slit sown spoken sped spelt spent
    spilt spun split spoilt spread sprung stolen stood stuck stung stunk strewn stridden struck strung striven
    sworn swept swollen swum taken taught torn told thought thrown thrust trodden undergone understood
    undertaken undone upheld upset withdrawn withheld withstood won wound woven wrung written
    """
)
# Words ending in -ed that are not past participles.
NOT_PARTICIPLES: frozenset[str] = _words(
    """
    bed breed creed deed embed exceed feed greed heed hundred indeed kindred need proceed red reed seed sled
    speed steed succeed weed naked sacred wicked rugged ragged jagged crooked beloved dogged wretched
    """
)
# A sentence starting with one of these starts with its first two words (Yoast's
# "first word exceptions"): "The mayor ... The council ..." do not start alike.
FIRST_WORD_EXCEPTIONS: dict[str, frozenset[str]] = {
    "en": _words("the a an one two three four five six seven eight nine ten this that these those"),
    "de": _words(
        "der die das den dem des ein eine einen einem einer eines zwei drei vier fünf sechs sieben acht neun zehn"
        " dieser diese dieses diesen diesem jener jene jenes"
    ),
    "fr": _words("le la les un une des du deux trois quatre cinq six sept huit neuf dix ce cet cette ces celui celle"),
    "es": _words(
        "el la los las lo un una unos unas dos tres cuatro cinco seis siete ocho nueve diez este esta estos"
        " estas ese esa esos esas aquel aquella"
    ),
    "it": _words(
        "il lo la i gli le un uno una due tre quattro cinque sei sette otto nove dieci questo questa"
        " questi queste quello quella quelli quelle"
    ),
    "nl": _words("de het een twee drie vier vijf zes zeven acht negen tien deze dit die dat"),
}
# The pronouns that tell an interview's turns: a question put to someone (the
# second person, formal or not) answered by them (the first person). Not
# Yoast's; lint-article's own. Words that are as often a third person's ("lei",
# "su") are left out, but not German's formal "Sie" and its forms, without which
# a German interview's questions would go unrecognised: an answer in the first
# person still has to follow. An elided pronoun is listed with its apostrophe
# ("j'"), as "j'ai" begins.
SECOND_PERSON: dict[str, frozenset[str]] = {
    "en": _words("you your yours yourself yourselves you're you've you'd you'll"),
    "de": _words(
        "sie ihnen ihr ihre ihren ihrem ihrer ihres du dich dir dein deine deinen deinem deiner euch euer eure euren"
    ),
    "fr": _words("vous votre vos tu te toi ton ta tes t'"),
    "es": _words("usted ustedes tú tu tus te ti vosotros vosotras"),
    "it": _words("voi tu ti te tuo tua tuoi tue vostro vostra vostri vostre"),
    "nl": _words("u uw jij je jou jouw jullie"),
    "pt": _words("você vocês tu te ti teu tua teus tuas"),
}
FIRST_PERSON: dict[str, frozenset[str]] = {
    "en": _words("i i'm i've i'd i'll me my mine myself we we're we've we'd we'll us our ours ourselves"),
    "de": _words("ich mich mir mein meine meinen meinem meiner meines wir uns unser unsere unseren unserem unserer"),
    "fr": _words("je j' me moi mon ma mes nous notre nos"),
    "es": _words("yo me mí mi mis nosotros nosotras nuestro nuestra nuestros nuestras"),
    "it": _words("io mi me mio mia miei mie noi ci nostro nostra nostri nostre"),
    "nl": _words("ik mij me mijn wij we ons onze"),
    "pt": _words("eu me mim meu minha meus minhas nós nosso nossa nossos nossas"),
}
