from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain

from ..document import Article, Block, View
from ..findings import Applicability, Finding, Severity
from ..regex import on_use
from ..rule import Context, Rule, RuleOptions, option

_I = re.IGNORECASE
_A = "['’]"  # an apostrophe, straight or curly


@dataclass(frozen=True)
class Signal:
    """One kind of evidence that a passage was left by a writing assistant."""

    label: str
    """What the message calls it."""
    weight: float
    """How much it counts; a passage is reported from a total of 1.0 (see the rule)."""
    pattern: re.Pattern[str]
    """Compiled on first use: most signals' anchors never occur in an article. A
    signal tried at a block's start reads ``^`` and ``$`` at each line."""
    example: str
    """A passage it must find (the tests check each one)."""
    anchors: tuple[str, ...] = ()
    """Lower-case strings of which the text must hold one for the pattern to
    match; the blocks that hold one are searched."""
    keys: tuple[str, ...] = ()
    """Lower-case words of which the article must hold one for the pattern to
    match (a cheaper test, done first); none: always search the anchors."""
    starts: frozenset[str] = frozenset()
    """For a signal tried at a block's start: the lower-case first words its
    matches may begin with (see _FIRST_WORD), and the marks that may come
    before them ("#", "[", "✅"); the signal is tried only at the blocks that
    begin with one."""


def _signal(
    label: str,
    weight: float,
    pattern: str,
    example: str,
    *anchors: str,
    flags: int = _I,
    keys: tuple[str, ...] = (),
    whole: bool = False,
    starts: str = "",
) -> Signal:
    """A signal; *whole*: each anchor starts with a whole word, so that an article
    without any of these words is not searched at all; *starts*: a block-start
    signal's first words and marks, separated by spaces."""
    if whole:
        keys = tuple(dict.fromkeys(anchor.partition(" ")[0].strip(",.:;!?¿¡").replace("’", "'") for anchor in anchors))
    flags |= re.MULTILINE if starts else 0
    return Signal(
        label, weight, on_use(pattern, flags), example, anchors, keys, frozenset(starts.split(" ") if starts else ())
    )


_WRITING_NOUN = (
    r"(?:article|piece|draft|text|tone|word count|words|paragraphs?|sections?|headings?|subheadings?|HTML|structure"
    r"|length|title|headline|language|formatting|keywords?|SEO|points?|outline|introduction|conclusion|version"
    r"|filler|bias|narrative|flow|readability|specifics)"
)
_APPROX = r"(?:approx(?:imately|\.)?\s*|about\s*|around\s*|roughly\s*|~\s*)?"
_HERE_IS = rf"(?:here(?:{_A}s| is| are)|below (?:is|are))"
# What an assistant hands over after "Sure! Here is": the text, or a part or
# a version of it ("Sure! Here is what happened next" goes on with a story).
_HANDED = (
    r"(?:article|blog post|post|blog|draft|essay|piece|text|version|rewrite|revision|story|report|press release"
    r"|summary|outline|translation|column|newsletter|copy|content|response|write-up|overview|explainer|guide"
    r"|op-ed|headlines?|titles?|paragraphs?|sections?|introduction|conclusion|options|suggestions)"
)

# Evidence found anywhere in a block. Weights: 1.0 for what no human writer
# puts in an article (a passage is reported on it alone), less for what a
# human might write but an assistant writes more (it counts only together
# with other evidence nearby).
_ANYWHERE: tuple[Signal, ...] = (
    # The assistant talking about itself.
    _signal("assistant self-reference", 1.0,
            r"\bas an? (?:AI|artificial intelligence)(?: (?:language )?model| assistant| chatbot)?,? (?:I|my)\b"
            r"|\bas an? (?:large |AI )?language model\b",
            "As an AI language model, I cannot predict elections.", "as an ai", "as a ai", "language model",
            keys=("ai", "intelligence", "model")),
    _signal("assistant self-reference", 1.0,
            rf"\bI(?:{_A}m| am) (?:just |only )?an? (?:AI|language model|large language model|AI language model"
            r"|AI assistant|chatbot|virtual assistant)\b",
            "I'm an AI assistant, so I cannot verify this.", " i'm a", " i’m a", " i am a", "\ni'm a", "\ni’m a",
            "\ni am a", " i'm just", " i’m just", " i am just", " i'm only", " i’m only", " i am only", flags=0,
            keys=("ai", "model", "chatbot", "assistant")),
    _signal("assistant self-reference", 1.0,
            rf"\bI(?: do not| don{_A}t| cannot| can{_A}t| am unable to| am not able to|{_A}m unable to"
            rf"|{_A}m not able to) "
            r"(?:have )?(?:access to )?"
            r"(?:real-time|browse|the internet|personal (?:opinions|experiences|beliefs|feelings))",
            "I don't have access to real-time data.", "i do not", "i don't", "i don’t", "i cannot", "i can't",
            "i can’t", "i am unable", "i am not able", "i'm unable", "i’m unable", "i'm not able", "i’m not able",
            flags=0, keys=("real-time", "browse", "internet", "personal")),
    _signal("assistant self-reference", 1.0,
            r"\bmy (?:knowledge|training) (?:cutoff|cut-off)\b"
            r"|\bas of my (?:last )?(?:knowledge |training )?(?:update|cutoff|cut-off)\b",
            "As of my last knowledge update in 2023, talks continued.", "cutoff", "cut-off", "as of my",
            keys=("cutoff", "cut-off", "update")),
    # Self-review of the writing.
    _signal("self-review", 1.0,
            r"\b(?:review|check|notes?|revision)s? (?:during|after|before) generation\b"
            r"|\b(?:post|pre)[- ]generation\b",
            "Post-generation check: the article covers the points.", "generation",
            keys=("generation", "post-generation", "pre-generation")),
    _signal("self-review", 1.0, r"\bword count check\b|\bconstraint checklist\b|\bmental sandbox\b",
            "Word Count Check: close to the target.", "word count check", "constraint checklist", "mental sandbox",
            keys=("check", "checklist", "sandbox")),
    _signal("self-review", 0.6, r"\bconfidence score\s*:\s*\d", "Confidence Score: 5/5", "confidence score",
    keys=("score",)),
    _signal("self-assessment of the text", 0.8,
            r"\bthe html (?:is|should be|looks) (?:clean|valid|correct|well-formed)\b",
            "The HTML is clean.", "the html", keys=("html",)),
    _signal("self-assessment of the text", 0.5,
            r"\b(?:the|this) (?:article|piece|draft|length|tone|title|headline|structure|formatting|word count)"
            r"\s+(?:should be|is now|seems|feels|remains)\s+(?:appropriate|clean|neutral|catchy|engaging|concise"
            r"|within (?:the )?(?:word )?(?:limit|range|count)|on target|about right|good to go|ready for publication"
            r"|well[- ]structured)\b",
            "The length should be appropriate.", "the article", "this article", "the piece", "this piece",
            "the draft", "this draft", "the length", "the tone", "this tone", "the title", "this title",
            "the headline", "this headline", "the structure", "the formatting", "the word count",
            keys=("article", "piece", "draft", "length", "tone", "title", "headline", "structure", "formatting",
                  "count")),
    # Talk about the word count.
    _signal("word-count talk", 1.0,
            rf"\(\s*(?:(?:total|final|approximate|approx\.?|estimated) )?(?:word count|words)\s*[:：=]\s*{_APPROX}"
            r"\d[\d,.]*\s*(?:words)?\s*\)",
            "(Word count: 812)", "word count", "words:", "words :", "words=", "words：", "words =",
            keys=("count", "words")),
    _signal("word-count talk", 0.8,
            rf"\b(?:word count|length)\s*[:：]\s*{_APPROX}\d[\d,.]*\s*words?\b",
            "Length: 1,050 words", "word count", "length:", "length :", "length：", keys=("words", "word")),
    _signal("word-count talk", 0.7,
            r"\b(?:aimed|aiming|targeted|targeting|went) for (?:around |about |roughly |approximately |~)?"
            r"\d[\d,]*(?:\s*[-–]\s*\d[\d,]*)? words\b",
            "I aimed for around 1000 words.", "aimed for", "aiming for", "targeted for", "targeting for", "went for",
            keys=("words",)),
    _signal("word-count talk", 0.8, r"\bdo a (?:quick |final )?word count\b",
            "After drafting, I'll do a quick word count.", "word count", keys=("count",)),
    _signal("word-count talk", 0.5,
            r"\b(?:comes in at|clocks in at|totals?|is approximately|is roughly)\s+(?:around |about |roughly "
            r"|approximately |~)?\d[\d,]*\s+words\b",
            "The piece comes in at 950 words.", "comes in at", "clocks in at", "total", "is approximately",
            "is roughly", keys=("words",)),
    # The prompt, echoed.
    _signal("echo of the prompt", 0.4, r"\bas (?:you )?requested\b(?! by)", "catchy, as requested", "requested",
    keys=("requested",)),
    _signal("echo of the prompt", 1.0,
            r"\b(?:as )?per your (?:request|instructions|brief|prompt|requirements)\b"
            r"|\bas per the (?:prompt|instructions|brief)\b",
            "I kept it short, as per your instructions.", "per your", "as per the", keys=("per",)),
    _signal("echo of the prompt", 0.8,
            rf"\b(?:the user{_A}s|the given|the provided) (?:prompt|request|instructions|outline|keywords|brief)\b",
            "following the provided outline", "the user", "the given", "the provided",
            keys=("prompt", "request", "instructions", "outline", "keywords", "brief")),
    _signal("echo of the prompt", 1.0,
            r"\b(?:the|this|my) (?:article|piece|text|draft|post|content|essay|response)\s+(?:now\s+)?(?:covers"
            r"|addresses|meets|fulfils|fulfills|adheres to|follows|includes|satisfies|hits|incorporates)\s+"
            r"(?:all\s+)?(?:of\s+)?(?:the\s+|your\s+)?(?:required|requested|specified|given)\s+(?:points|requirements"
            r"|instructions|guidelines|constraints|criteria|elements|keywords|topics|word count|length)\b"
            # ...not the points of something the article names ("of the curriculum").
            r"(?!\s+(?:of|in|from|for|under)\s+(?!(?:the\s+|your\s+|my\s+)?(?:prompt|brief|request|instructions"
            r"|outline|assignment|task)\b))",
            "The article covers the required points.", "required", "requested", "specified", "given",
            keys=("required", "requested", "specified", "given")),
    _signal("echo of the prompt", 0.7,
            r"\brequested (?:html|structure|format|formatting|length|word count|tone|style|headings?|keywords?"
            r"|sections?)\b|\badherence to (?:the )?(?:requested|required|specified|given)\b",
            "Maintained strict adherence to requested HTML structure.", "requested", "adherence to",
            keys=("requested", "adherence")),
    # Sign-offs.
    _signal("chatbot sign-off", 0.6,
            r"\bI hope (?:this|that|it|the (?:article|post|draft|text))(?: (?:article|post|draft|text|version))? "
            r"(?:helps|is helpful|was helpful|is useful)\b",
            "I hope this helps!", "i hope", flags=0, keys=("hope",)),
    _signal("chatbot sign-off", 1.0,
            r"\bI hope (?:this|that|it|the (?:article|post|draft|text))(?: (?:article|post|draft|text|version))? "
            r"(?:meets|fits|matches|works for|suits|captures) (?:your|what you)\b"
            rf"|\bI hope (?:this|it) is what you(?:{_A}re| are| were) looking for\b",
            "I hope this article meets your needs.", "i hope", flags=0, keys=("hope",)),
    _signal("chatbot sign-off", 1.0,
            rf"\blet me know if (?:you(?:{_A}d| would) like|you want|you need|there(?:{_A}s| is) anything|any)\b"
            r"[^.!?\n]{0,80}\b(?:changes|adjustments|edits|revisions|tweaks|modifications|rewrite|expand|shorten"
            r"|adjust|tweak|revise|a different|another version|more details)\b",
            "Let me know if you'd like any changes to the tone.", "let me know if", keys=("know",)),
    _signal("chatbot sign-off", 1.0,
            rf"\bwould you like me to\b|\bis there anything else (?:you(?:{_A}d| would) like|I can)\b"
            r"|\b(?:happy|glad) to (?:help|assist) further\b",
            "Would you like me to add a conclusion?", "would you like me to", "anything else", "to help further",
            "to assist further", keys=("like", "else", "further")),
    _signal("chatbot sign-off", 1.0,
            rf"\b(?:if you(?:{_A}d| would) like|if you want|if needed|if you prefer),? I can (?:also )?"
            r"(?:adjust|expand|shorten|rewrite|revise|tweak|add|modify|change|make|provide|write|create|tailor"
            r"|include)\b",
            "If you'd like, I can expand the section on Niger.", "if you", "if needed", keys=("can",)),
    _signal("chatbot sign-off", 1.0,
            r"\bfeel free to (?:ask|let me know|request)\b[^.!?\n]{0,60}\b(?:changes|adjustments|edits|revisions"
            r"|tweaks|modifications)\b|\bfeel free to (?:adjust|modify|tweak|customi[sz]e|edit|change|rephrase)\b"
            r"[^.!?\n]{0,40}\b(?:the |this )?(?:article|text|tone|draft|wording|length|headline|title|section|copy)\b",
            "Feel free to adjust the tone to fit your publication.", "feel free to", keys=("free",)),
    # Notes to the editor.
    _signal("fictional-content note", 1.0,
            r"\bnote\s*[:：-]\s*(?:this|the)\s+(?:above\s+)?(?:article|story|piece|text|content|post|scenario"
            r"|interview|quotes?|names?|statistics|figures|data|characters|events)\b[^.!?\n]{0,40}?\b(?:is|are|was"
            r"|were|has been|have been)\s+(?:entirely\s+|purely\s+|completely\s+|largely\s+)?(?:fictional"
            r"|fictitious|hypothetical|illustrative|for illustrative purposes|a work of fiction|made up|invented"
            r"|placeholders?|not real)\b",
            "Note: This article is fictional.", "note:", "note :", "note -", "note-", "note：", "note –",
            keys=("note",)),
    _signal("fictional-content note", 0.7,
            r"\b(?:quotes|statistics|figures|names|data|details)\s+(?:above\s+|in this article\s+)?(?:are|is)\s+"
            r"(?:fictional|hypothetical|illustrative|placeholders?|made up|invented)\b",
            "The quotes above are illustrative.", "fictional", "hypothetical", "illustrative", "placeholder",
            "made up", "invented",
            keys=("fictional", "hypothetical", "illustrative", "placeholder", "placeholders", "made", "invented")),
    _signal("note to the editor", 0.7,
            r"\bplease (?:verify|fact-check|double-check|confirm) (?:the|these|all|any)\s+(?:\w+\s+)?(?:facts"
            r"|figures|statistics|quotes|details|dates|information|names|numbers|claims)\b"
            r"|\b(?:replace|swap) (?:these|the|this) (?:placeholders?|bracketed)\b",
            "Please verify the figures before publishing.", "please verify", "please fact-check",
            "please double-check", "please confirm", "replace", "swap", keys=("please", "replace", "swap")),
    # First person about the writing. "I" before its word boundary, written as a
    # look back ("\bI" reads the same): a pattern that opens with a letter is
    # searched by skipping to each capital I, not tried at every character of the
    # many blocks that hold " i " (a fifth of the time on the corpus's blocks).
    _signal("first-person talk about the writing", 0.5,
            rf"I(?<!\wI)(?:{_A}ve| have| had)?\s+(?:also\s+|then\s+|\w+ly\s+)?(?:aimed|tried|focused|ensured|made sure"
            r"|kept|expanded|structured|crafted|incorporated|avoided|maintained|condensed|adjusted|revised|rewrote"
            r"|opted|double-checked|detailed|emphasi[sz]ed|highlighted|organi[sz]ed|formatted|framed|included"
            r"|added|used|wrote|written|drafted|tightened|trimmed|cut|shortened|simplified|reworded|rephrased"
            r"|restructured|polished)"
            rf"\b[^.!?\n]{{0,80}}?\b{_WRITING_NOUN}\b",
            "I've kept the tone neutral.", " i ", "\ni ", " i'", " i’", "\ni'", "\ni’", flags=0, keys=("i", "i've")),
    _signal("first-person talk about the writing", 0.5,
            rf"\bI{_A}ll (?:do|check|condense|expand|add|look for|trim|cut|revise|adjust)\b[^.!?\n]{{0,60}}?"
            r"\b(?:word count|words|sentences|length|paragraphs?|draft|specific examples)\b",
            "If too long, I'll condense sentences.", "i'll", "i’ll", flags=0, keys=("i'll",)),
    # Leftovers of a chat's formatting and templates.
    _signal("markdown left in the text", 0.4, r"\*\*[^*\n]{2,80}\*\*", "**Key Takeaways:**", "**"),
    _signal("template sign-off", 0.5, r"\[(?:your|author(?:'s)?) name\]", "Best regards, [Your Name]", "name]",
    keys=("name",)),
    # French, Spanish, German, Italian, Portuguese.
    _signal("assistant self-reference", 1.0,
            rf"\ben tant qu{_A}(?:IA|intelligence artificielle|assistant)|\ben tant que (?:modèle de langage|IA"
            r"|intelligence artificielle|assistant (?:virtuel|IA))\b",
            "En tant que modèle de langage, je ne peux pas prédire.", "en tant qu", keys=("tant",)),
    _signal("assistant self-reference", 1.0,
            r"\bcomo (?:un )?(?:modelo de (?:lenguaje|linguagem)|asistente de IA)\b|\bcomo (?:una )?(?:IA"
            r"|inteligencia artificial),? no (?:tengo|puedo)\b|\bcome (?:un )?modello (?:di linguaggio|linguistico)\b",
            "Como modelo de lenguaje, no tengo opiniones.", "modelo de lenguaje", "modelo de linguagem",
            "asistente de ia", "modello di linguaggio", "modello linguistico", "como ia", "como una ia",
            "como inteligencia", "como una inteligencia", keys=("modelo", "modello", "ia", "inteligencia")),
    _signal("assistant self-reference", 1.0,
            r"\bals (?:ein )?(?:KI-Sprachmodell|Sprachmodell|KI-Assistent|künstliche Intelligenz|KI)\b,?\s+"
            r"(?:kann|habe|bin|verfüge)\s+ich\b",
            "Als KI-Sprachmodell kann ich keine Prognosen abgeben.", "als ki", "als ein ki", "als sprachmodell",
            "als ein sprachmodell", "als künstliche",
            keys=("ki-sprachmodell", "sprachmodell", "ki-assistent", "ki", "künstliche")),
    _signal("chatbot sign-off", 0.6,
            rf"\bj{_A}espère que (?:cela|ceci|ce texte|cet article|cette version) (?:vous |t{_A})?(?:aide|aidera"
            r"|sera utile|convient|conviendra|correspond)|\bespero que (?:esto|este (?:artículo|texto)|esta versión)"
            r" te (?:sea útil|ayude|sirva|guste)|\bich hoffe,? (?:das|dies|dieser (?:Artikel|Text)|diese Version) "
            r"(?:hilft|ist hilfreich|gefällt|entspricht)|\bspero che (?:questo|questa versione) (?:ti |le )?(?:sia "
            r"utile|aiuti|piaccia)|\bespero que (?:isso|este (?:artigo|texto)|esta versão) (?:te |lhe )?(?:ajude"
            r"|seja útil)",
            "J'espère que cet article vous aidera.", "espère", "espero", "hoffe", "spero",
            keys=("j'espère", "espero", "hoffe", "spero")),
    _signal("chatbot sign-off", 1.0,
            rf"\bn{_A}hésitez pas à me (?:demander|dire|faire savoir|solliciter)\b|\bsi vous (?:le )?souhaitez,? je "
            r"(?:peux|pourrais)\b|\b(?:voulez|souhaitez)-vous que je\b|\bsi (?:quieres|deseas|lo deseas|prefieres),? "
            r"(?:puedo|te puedo)\b|\b(?:quieres|te gustaría) que (?:lo )?(?:ajuste|amplíe|modifique|acorte|cambie)\b"
            r"|\b(?:wenn|falls) (?:du|Sie) (?:möchtest|möchten|willst|wollen),? (?:kann ich|passe ich)\b"
            r"|\bsoll ich (?:den|die|das) (?:Text|Artikel|Ton)\b",
            "Si vous le souhaitez, je peux raccourcir le texte.", "hésitez", "souhaitez", "que je", "quieres",
            "deseas", "prefieres", "gustaría", "möchte", "willst", "wollen", "soll ich",
            keys=("n'hésitez", "souhaitez", "je", "quieres", "deseas", "prefieres", "gustaría", "möchtest", "möchten",
                  "willst", "wollen", "soll")),
    _signal("word-count talk", 1.0,
            r"\b(?:nombre de mots|décompte des mots|recuento de palabras|número de palabras|conteo de palabras"
            r"|cantidad de palabras|Wortanzahl|Anzahl der Wörter|Wörterzahl|numero di parole|conteggio delle parole"
            r"|contagem de palavras|número de palavras)\s*[:：]\s*~?\s*\d",
            "Nombre de mots : 812", "nombre de mots", "décompte des mots", "de palabras", "wortanzahl",
            "anzahl der wörter", "wörterzahl", "di parole", "delle parole", "de palavras",
            keys=("mots", "palabras", "wortanzahl", "wörter", "wörterzahl", "parole", "palavras")),
)  # fmt: skip

# The situations in which an assistant's conversation leaks, in English,
# German, French, Spanish, Italian, Portuguese, Dutch and Polish, and the
# evidence that has no language (markers, interface strings, URLs).
# What an offer of more help is about: the text, in any of the eight languages.
_TEXT_OBJECT = (
    r"(?:article|text|version|draft|tone|title|headline|section|paragraph|summary|outline|post|intro|conclusion"
    r"|length|word|format|style|SEO|meta|FAQ|table|bullet|list|thread|tweet|LinkedIn|newsletter|caption"
    r"|artikel|fassung|entwurf|ton\b|titel|überschrift|abschnitt|absatz|zusammenfassung|einleitung|fazit"
    r"|texte|ton\b|titre|paragraphe|résumé|brouillon|longueur|chapeau"
    r"|artículo|texto|versión|tono|título|sección|párrafo|resumen|borrador|extensión"
    r"|articolo|testo|versione|titolo|sezione|paragrafo|riassunto|bozza|lunghezza"
    r"|artigo|versão|tom\b|seção|secção|parágrafo|resumo|rascunho|comprimento"
    r"|tekst|versie|toon|kop\b|alinea|samenvatting|concept|lengte"
    r"|artyku|wersj|tytu|sekcj|akapit|podsumowa|szkic|długoś|titular|schlagzeile|nagłów|manchete|kopregel"
    r"|quotes?|examples?|Zitat|Beispiel|exemple|cita|ejemplo|citazion|esempi|citaç|exemplo|citaat|voorbeeld|cytat"
    r"|przykład)"
)
_OFFER_STRONG = (
    rf"\b(?:do you want me to|want me to|shall I|should I (?:also )?(?:add|write|make|expand|shorten|adjust|create"
    rf"|include|turn|format|tweak|rewrite)|if you(?:{_A}d like| want| need| prefer),? I (?:can|could))\b"
    r"|\b(?:möchtest du|möchten Sie|willst du|wollen Sie),? dass ich\b|\bsoll ich\b"
    r"|\b(?:wenn|falls) (?:du|Sie) (?:möchtest|möchten|willst|magst),? kann ich\b"
    r"|\b(?:voulez|souhaitez|veux|désirez)-(?:vous|tu) que je\b|\btu veux que je\b"
    r"|\bsi (?:vous (?:le )?(?:souhaitez|voulez)|tu (?:le )?(?:souhaites|veux)),? je (?:peux|pourrais)\b"
    r"|\b(?:quieres|deseas|prefieres|te gustaría|le gustaría) que (?:te |le )?\b"
    r"|\bsi (?:quieres|lo deseas|deseas|prefieres),? (?:también )?(?:puedo|te puedo)\b"
    r"|\bvuoi che (?:io )?\b|\bse (?:vuoi|preferisci|desideri),? posso\b"
    r"|\b(?:quer|você quer|gostaria) que eu\b|\bse (?:quiser|preferir|desejar),? (?:também )?posso\b"
    r"|\b(?:wil je|wilt u) dat ik\b|\bzal ik\b|\bals (?:je|u) (?:wilt|wil),? kan ik\b"
    r"|\b(?:czy )?chcesz,? (?:żebym|abym|bym)\b|\bczy mam\b|\bjeśli (?:chcesz|wolisz),? (?:mogę|moge)\b"
)
# An offer put as a question ("Would you prefer a more formal tone?", "Vuoi una versione più breve?").
_OFFER_QUESTION = (
    r"\b(?:do you want|would you (?:like|prefer)|do you need|möchtest du|möchten Sie|willst du|brauchst du|voulez-vous"
    r"|veux-tu|tu veux|souhaitez-vous|quieres|prefieres|te gustaría|vuoi|preferisci|ti serve|quer|prefere|gostaria de"
    r"|wil je|wilt u|heb je)\s+(?:a|an|me|eine?n?|une?|una?|uma?|een)\b|\b(?:czy )?(?:chcesz|wolisz|potrzebujesz)\b"
)
# What an offer changes the text into: shorter, more formal, another.
_OTHER = (
    r"(?:shorter|longer|more|less|different|alternative|another|other|revised|simpler|kürzer\w*|länger\w*|ander\w*"
    r"|formeller\w*|plus court\w*|plus long\w*|autre|différent\w*|más cort\w*|más larg\w*|otr[oa]|diferente"
    r"|più brev\w*|più lung\w*|altr[oa]|divers[oa]|mais curt\w*|mais long\w*|outr[oa]|korter\w*|langer\w*"
    r"|krótsz\w*|dłuższ\w*|inn\w*)"
)
_OFFER_WEAK = (
    rf"\b(?:I can also|I could also|just let me know|let me know (?:if|whether|what)|I{_A}d be (?:happy|glad) to"
    r"|happy to (?:adjust|tweak|revise|expand|shorten|rewrite|adapt))\b"
    r"|\bsag(?:en Sie)? (?:mir )?Bescheid|\blass(?:en Sie)? (?:es )?mich wissen\b|\bich kann (?:auch|gern|gerne)\b"
    r"|\bdites-moi si\b|\bdis-moi si\b|\bje peux (?:aussi|également)\b"
    r"|\bavísame si\b|\bdime si\b|\bno dudes en (?:pedirme|decirme)\b|\bpuedo también\b|\btambién puedo\b"
    r"|\bfammi sapere se\b|\bdimmi se\b|\bposso anche\b"
    r"|\b(?:me avise|avise-me|diga-me|me diga) se\b|\bposso também\b|\btambém posso\b"
    r"|\blaat (?:het )?(?:me|mij) (?:gerust )?weten\b|\bik kan ook\b"
    r"|\bdaj(?:cie)? (?:mi )?znać\b|\bmogę też\b|\bmogę również\b"
)
# What a requester might want changed, in the eight languages.
_CHANGE = (
    r"(?:changes|adjustments|tweaks|revisions|adjust|tweak|revise|shorter|longer|Änderungen|anpass|kürzer|länger"
    r"|modifications|modifier|ajuster|plus court|plus long|cambios|ajustar|ajuste|más corto|más largo|modifiche"
    r"|modificar|più breve|più lung|alterações|mais curto|mais longo|aanpassingen|aanpassen|korter|langer"
    r"|zmian|zmienić|skróci|krótsz|dłuższ)"
)
_OFFER_ANCHORS = (
    "want me",
    "shall i",
    "should i",
    "if you'd",
    "if you’d",
    "if you want",
    "if you need",
    "if you prefer",
    "dass ich",
    "soll ich",
    "kann ich",
    "que je",
    "je peux",
    "je pourrais",
    "que te",
    "que le",
    "gustaría que",
    "quieres que",
    "deseas que",
    "prefieres que",
    "puedo",
    "vuoi che",
    "posso",
    "que eu",
    "dat ik",
    "zal ik",
    "kan ik",
    "żebym",
    "abym",
    "bym",
    "czy mam",
    "mogę",
    "moge",
)
_WEAK_ANCHORS = (
    "i can also",
    "i could also",
    "let me know",
    "be happy to",
    "be glad to",
    "happy to",
    "bescheid",
    "mich wissen",
    "ich kann",
    "dites-moi",
    "dis-moi",
    "je peux",
    "avísame",
    "dime si",
    "no dudes",
    "puedo",
    "fammi sapere",
    "dimmi se",
    "posso",
    "me avise",
    "avise-me",
    "diga-me",
    "me diga",
    "weten",
    "ik kan",
    "znać",
    "mogę",
)


_QUALITY = (
    r"(?:tone|word count|length|SEO|readab|keywords?|structure|headlines?|titles?|meta|neutral|engaging|concise"
    r"|clarity|grammar|formatting|facts?|sources|Ton|Wortanzahl|Länge|Lesbarkeit|Struktur|Überschrift|sachlich"
    r"|nombre de mots|longueur|lisibilité|mots-clés|titre|número de palabras|longitud|legibilidad|palabras clave"
    r"|estructura|título|tono|numero di parole|lunghezza|leggibilità|parole chiave|struttura|titolo|tom"
    r"|contagem de palavras|comprimento|legibilidade|palavras-chave|estrutura|toon|aantal woorden|lengte"
    r"|leesbaarheid|zoekwoorden|structuur|liczba słów|długość|czytelność|słowa kluczowe|tytuł)"
)


# An apology that opens a refusal, and what an assistant refuses to do, in seven more languages.
_SORRY = (
    r"\b(?:lo siento|lo lamento),? (?:pero )?no puedo|\b(?:désolé|je suis désolée?),? (?:mais )?je ne "
    r"(?:peux|suis pas en mesure)|\bes tut mir leid,? (?:aber )?(?:ich kann|dabei kann ich)"
    r"|\bmi dispiace,? (?:ma )?non (?:posso|sono in grado)|\b(?:desculpe|sinto muito|lamento),? (?:mas )?"
    r"não (?:posso|consigo)|\bhet spijt me,? (?:maar )?(?:ik kan|daar kan ik)|\bprzepraszam,? (?:ale )?"
    r"nie (?:mogę|jestem w stanie)"
)
_REFUSED = (
    r"(?:ayudar\w*|crear|escribir|generar|proporcionar|cumplir|inventar|aider|vous aider|t['’]aider|créer|rédiger"
    r"|écrire|générer|fournir|répondre|inventer|helfen|erstellen|schreiben|verfassen|generieren|erfinden|liefern"
    r"|aiutar\w*|creare|scrivere|generare|fornire|inventare|ajudar|criar|escrever|gerar|fornecer|helpen|maken"
    r"|genereren|verzinnen|leveren|pomóc|napisać|stworzyć|wygenerować|wymyśla\w*|spełnić|request|solicitud"
    r"|demande|Anfrage|richiesta|pedido|verzoek|prośb\w*)"
)


_SITUATIONS: tuple[Signal, ...] = (
    # An offer of further help, about the text, in eight languages.
    _signal("offer of further help", 1.0,
            rf"(?:{_OFFER_STRONG})[^.!?\n]{{0,80}}?(?:{_TEXT_OBJECT}|{_CHANGE}|change|edit)",
            "Do you want me to change anything?", *_OFFER_ANCHORS, whole=True),
    _signal("offer of further help", 1.0, rf"(?:{_OFFER_WEAK})[^.!?\n]{{0,80}}?{_CHANGE}",
            "Laat me weten als je aanpassingen wilt.", *_WEAK_ANCHORS, whole=True),
    _signal("offer of further help", 1.0,
            rf"(?:{_OFFER_QUESTION})[^.!?\n]{{0,60}}?(?:{_OTHER}[^.!?\n]{{0,30}}?{_TEXT_OBJECT}|{_TEXT_OBJECT}"
            rf"[^.!?\n]{{0,30}}?{_OTHER})[^.!?\n]{{0,60}}\?",
            "Vuoi una versione più breve?", "do you want", "would you like", "would you prefer", "do you need",
            "möchtest du", "möchten sie", "willst du", "brauchst du", "voulez-vous", "veux-tu", "tu veux",
            "souhaitez-vous", "quieres", "prefieres", "te gustaría", "vuoi", "preferisci", "ti serve", "quer um",
            "quer uma", "prefere um", "prefere uma", "gostaria de", "wil je", "wilt u", "heb je", "chcesz", "wolisz",
            "potrzebujesz", whole=True),
    _signal("offer of further help", 1.0,
            r"\b(?:I can|I could|ich kann|kann ich|je peux|puedo|posso|kan ik|ik kan|mogę)\b[^.!?\n]{0,60}?"
            rf"{_TEXT_OBJECT}[^.!?\n]{{0,60}}?\b(?:if you(?:'d|’d)? (?:want|like|prefer)|wenn du (?:willst|möchtest"
            rf"|magst)|wenn Sie (?:wollen|möchten)"
            r"|si tu (?:veux|le souhaites)|si vous (?:voulez|le souhaitez)|si (?:quieres|lo deseas|prefieres)"
            r"|se (?:vuoi|preferisci|quiser|preferir)|als je (?:wilt|wil)|als u wilt|jeśli (?:chcesz|wolisz))",
            "Posso anche scrivere un titolo alternativo se vuoi.", "if you want", "if you like", "if you'd", "if you’d",
            "if you prefer", "wenn du", "wenn sie", "si tu", "si vous", "si quieres", "si lo deseas", "si prefieres",
            "se vuoi", "se preferisci", "se quiser", "se preferir", "als je", "als u", "jeśli", whole=True),
    _signal("offer of further help", 1.0,
            r"\b(?:you (?:can|could|may|might want to) (?:easily )?|du kannst |Sie können |vous pouvez |tu peux "
            r"|puedes |puede |puoi |può |você pode |pode |je kunt |u kunt |możesz )"
            rf"(?=[^.!?\n]{{0,80}}?{_TEXT_OBJECT})(?:\w+ ){{0,4}}?(?:adjust|tweak|tailor"
            r"|customi[sz]e|adapt|change|anpassen|ajuster|adapter|modifier|ajustar|adaptar|modificar|adattare"
            r"|modificare|aanpassen|dostosować|zmienić)\b[^.!?\n]{0,60}?\b(?:your (?:audience|publication|needs|readers"
            r"|style|outlet|brand|site|blog|newsletter)|(?:dein|Ihr)(?:em|en)? (?:Publikum|Leser\w*|Bedürfnisse\w*)"
            r"|(?:ton|votre) (?:public|lectorat|lecteurs)|tu (?:audiencia|público)|(?:tuo|vostro) pubblico"
            r"|seu público|(?:je|uw) (?:publiek|lezers|doelgroep)|(?:twoich|swoich) (?:odbiorców|czytelników))",
            "Je kunt de toon natuurlijk nog aanpassen aan je publiek.", "your audience", "your publication",
            "your needs", "your readers", "your style", "your outlet", "your brand", "your site", "your blog",
            "your newsletter", "publikum", "leser", "bedürfnisse", "ton public", "votre public", "votre lectorat",
            "vos lecteurs", "tes lecteurs", "audiencia", "público", "pubblico", "publiek", "lezers", "doelgroep",
            "odbiorców", "czytelników", "lesern", "lesers", "bedürfnissen", whole=True),
    _signal("offer of further help", 0.6, rf"(?:{_OFFER_WEAK})[^.!?\n]{{0,80}}?{_TEXT_OBJECT}",
            "Daj znać, czy tekst jest w porządku.", *_WEAK_ANCHORS, whole=True),
    # A sign-off that hopes the text helps, in seven more languages.
    _signal("chatbot sign-off", 0.6,
            rf"\bich hoffe,? (?:das|dies|es) (?:hilft|war hilfreich|ist hilfreich)|\bj{_A}espère que (?:ça|cela) "
            rf"(?:t{_A}|vous )?aide\b|\bespero que (?:te |le )?(?:sea de ayuda|ayude|sirva|sea útil)"
            rf"|\bspero (?:che )?(?:ti |le )?(?:sia|possa essere) (?:utile|d{_A}aiuto)|\bespero que (?:isso |isto )?"
            r"(?:ajude|seja útil)|\bik hoop dat (?:dit|het) (?:helpt|nuttig is|van pas komt)|\bmam nadzieję,? że "
            r"(?:to|ten tekst|ten artykuł) (?:pomoże|pomoże ci|się przyda|będzie pomocny)",
            "Ik hoop dat dit helpt!", "hoffe", "espère", "espero", "spero", "hoop dat", "nadzieję", whole=True),
    _signal("chatbot sign-off", 1.0,
            r"\b(?:good luck|best of luck|happy (?:writing|publishing|blogging)) with (?:your|the) (?:article|post"
            r"|essay|piece|blog|publication|draft|newsletter)\b|\bhappy (?:writing|blogging|publishing)!",
            "Good luck with your article!", "good luck", "best of luck", "happy writing", "happy blogging",
            "happy publishing"),
    _signal("chatbot sign-off", 1.0,
            r"\bhope (?:this|that|it) helps (?:with|for) your (?:article|post|newsletter|blog|piece|draft|essay"
            r"|project|writing|publication|site)\b"
            r"|\b(?:j['’]espère|espero|spero|ich hoffe|ik hoop|mam nadzieję)[^.!?\n]{0,60}?\b(?:convien\w*|attentes"
            r"|entspricht|Erwartungen|Vorstellungen|necesidades|expectativas|esigenze|aspettative|necessidades"
            r"|verwachtingen|wensen|oczekiwania|potrzeby)",
            "Voilà ! J'espère que ce texte te convient.", "hope this", "hope that", "hope it", "espère", "espero",
            "spero", "hoffe", "hoop", "nadzieję"),
    _signal("chatbot sign-off", 0.6, r"(?:^|(?<=[\n.!?]\s))hope (?:this|that|it) helps\b",
            "Hope this helps!", "hope this", "hope that", "hope it"),
    # A refusal, printed as the article.
    _signal("refusal", 1.0,
            rf"\bI{_A}?m sorry,? but I (?:can{_A}t|cannot|am unable to|{_A}m unable to|won{_A}t|am not able to)"
            rf"(?: be able to)? (?:help|assist|fulfil|fulfill|comply|provide|create|write|generate|produce|do that"
            r"|continue|complete|engage|support|make up|invent)\b"
            rf"|\bI (?:can{_A}t|cannot|am unable to|{_A}m unable to|won{_A}t be able to) (?:help|assist) with (?:that"
            r"|this|your)|\bI (?:can't|can’t|cannot|am unable to|won't) (?:fulfil|fulfill|comply with|complete) "
            r"(?:that|this|your)(?: request)?\b"
            rf"|\bI (?:can{_A}t|cannot|won{_A}t) (?:write|create|generate|produce|provide) (?:content|material"
            r"|that kind of|this kind of|an article that|a story that)\b"
            rf"|{_SORRY}[^.!?\n]{{0,60}}?\b{_REFUSED}\b",
            "I'm sorry, but I can't help with that request.", "sorry, but i", "sorry but i", "help with",
            "assist with", "fulfil", "fulfill", "comply with", "complete that", "complete this", "complete your",
            "write content", "create content",
            "generate content", "produce content", "provide content", "write material", "create material",
            "that kind of", "this kind of", "an article that", "a story that", "lo siento", "lo lamento", "désolé",
            "tut mir leid", "mi dispiace", "desculpe", "sinto muito", "lamento", "spijt me", "przepraszam", "désolée",
            whole=True),
    # Policy talk in an assistant's words: its own or OpenAI's policy, or a usage or
    # content policy ("listings that breach policies" is a report on moderation).
    _signal("refusal", 0.7,
            rf"\b(?:violates?|against|breach(?:es)?|go(?:es)? against) (?:(?:OpenAI{_A}s |my )(?:usage |content )?"
            r"(?:policy|policies|guidelines|programming)"
            r"|(?:our |the )?(?:usage|content) (?:policy|policies|guidelines))\b"
            r"|\bmy (?:guidelines|programming) (?:do not|don't|prevent)\b",
            "That would go against my guidelines.", "against my", "against openai", "against our", "violate",
            "breach", "my guidelines", "my programming", "content polic", "usage polic", "openai's polic",
            "openai’s polic"),
    # A knowledge-cutoff disclaimer, in seven more languages and more English forms.
    _signal("knowledge-cutoff disclaimer", 1.0,
            rf"\b(?:as of|since|after) my (?:last )?(?:knowledge |training )?(?:update|cutoff|cut-off)"
            rf"|\bI (?:don{_A}t|do not) have (?:information|data|access to (?:information|data)) (?:beyond|after"
            rf"|past)\b"
            r"|\bStand meines Wissens\b|\bmein(?:em)? Wissensstand\b|\bmeine[rn]? (?:letzten )?Aktualisierung\b"
            rf"|\bmes connaissances s{_A}arrêtent\b|\bma (?:dernière mise à jour|date limite de connaissances)\b"
            r"|\bmi (?:última actualización|fecha de corte)\b|\bmis conocimientos (?:llegan|se detienen)\b"
            r"|\bil mio ultimo aggiornamento\b|\bla mia data di (?:cutoff|aggiornamento)\b|\ble mie conoscenze\b"
            r"|\bminha última atualização\b|\bmeu conhecimento (?:vai|se limita)\b"
            r"|\bmijn (?:laatste (?:update|kennisupdate)|kennisgrens|kennis reikt)\b"
            r"|\bmoja wiedza (?:kończy|sięga)\b|\bmojej ostatniej aktualizacji\b"
            r"|\bmy (?:information|knowledge|data) (?:may|might|could) (?:be|not be) (?:out of date|outdated|incomplete"
            r"|up to date|current)|\bmeine (?:Informationen|Daten) (?:könnten|sind möglicherweise) (?:veraltet|nicht)"
            r"|\bmes (?:informations|données) (?:peuvent|pourraient) (?:être obsolètes|ne pas être à jour)"
            r"|\bmi información (?:puede|podría) (?:estar desactualizada|no estar actualizada)"
            r"|\ble mie informazioni potrebbero (?:essere obsolete|non essere aggiornate)"
            r"|\bminhas informações podem (?:estar desatualizadas|não estar atualizadas)"
            r"|\bmijn (?:informatie|kennis) (?:kan|kunnen) verouderd zijn|\bmoje (?:informacje"
            r"|dane) mogą być nieaktualne",
            "Stand meines Wissens im Jahr 2023 liefen die Gespräche noch.", "my last", "my knowledge", "my training",
            "my update", "my cutoff", "my cut-off", "have information", "have data", "access to information",
            "access to data",
            "meines wissens", "wissensstand", "aktualisierung", "mes connaissances", "ma dernière", "ma date",
            "mi última", "mi fecha", "mis conocimientos", "il mio ultimo", "la mia data", "le mie conoscenze",
            "minha última", "meu conhecimento", "mijn laatste", "mijn kennis", "moja wiedza", "mojej ostatniej",
            "my information", "my data", "meine informationen", "meine daten", "mes informations", "mes données",
            "mi información", "le mie informazioni", "minhas informações", "mijn informatie", "moje informacje",
            "moje dane"),
    # The assistant describing itself, in the remaining languages.
    _signal("assistant self-reference", 1.0,
            r"\bas an AI (?:developed|created|trained|built|made) by(?: OpenAI| Anthropic| Google| Microsoft| Meta"
            r"| Mistral)?\b|\bI(?:'m| am) (?:ChatGPT|Claude|Gemini|Copilot)\b",
            "As an AI developed by OpenAI, I do not hold opinions.", "as an ai", "i'm chatgpt", "i am chatgpt",
            "i'm claude", "i am claude", "i'm gemini", "i am gemini", "i'm copilot", "i am copilot"),
    _signal("assistant self-reference", 1.0,
            r"\bals (?:een )?(?:AI(?:-taalmodel| taalmodel)?|taalmodel|AI-assistent),? (?:kan|heb|ben) ik\b"
            r"|\bjako (?:model językowy|sztuczna inteligencja|asystent AI|AI),? nie (?:mogę|mam)\b"
            r"|\bcomo (?:um )?(?:modelo de linguagem|assistente de IA|IA),? (?:eu )?não (?:posso|tenho)\b"
            r"|\bcome (?:un(?:')?(?:IA|intelligenza artificiale)|assistente IA),? non (?:posso|ho)\b",
            "Als AI-taalmodel kan ik geen voorspellingen doen.", "als ai", "als een", "als taalmodel", "jako ",
            "como um", "como modelo", "como assistente", "como ia", "come un", "come assistente"),
    # Residue of a chat interface, pasted with the text.
    _signal("chat-interface residue", 1.0,
            r"\b(?:ChatGPT|Claude|Gemini|Copilot|Le Chat|Mistral) (?:can|may|kann|peut|puede|può|pode|kan|może)"
            r" (?:make mistakes|display inaccurate|Fehler machen|faire des erreurs|cometer errores|commettere errori"
            r"|cometer erros|fouten maken|popełniać błędy)"
            r"|\b(?:regenerate response|is this conversation helpful|was this response (?:better|helpful))\b"
            r"|\b(?:thought|reasoned) for \d+\s*(?:s|sec|seconds?|m|min|minutes?)\b",
            "ChatGPT can make mistakes. Check important info.", "make mistakes", "display inaccurate",
            "fehler machen", "des erreurs", "cometer errores", "commettere errori", "cometer erros", "fouten maken",
            "popełniać", "regenerate response", "conversation helpful", "this response", "thought for",
            "reasoned for"),
    # A code block's header, pasted glued to it: its language and its button
    # ("pythonCopy code"). "Copy code" alone in a sentence is a docs page's
    # button or instructions; on a line of its own it is an opening (below).
    _signal("chat-interface residue", 1.0, r"(?<![A-Za-z])[a-z+#]{1,12}Copy code\b", "pythonCopy code",
            "copy code", flags=0, keys=("code",)),
    _signal("chat-interface residue", 1.0,
            r"\b(?:ChatGPT|Claude|Gemini|Copilot)\s+(?:You said|Du hast gesagt|Vous avez dit|Tu as dit|Has dicho"
            r"|Dijiste|Hai detto|Você disse|Je zei|Powiedziałeś|Powiedziałaś)\s*[:：]",
            "ChatGPT You said: write an article", "chatgpt", "claude", "gemini", "copilot"),
    _signal("note about the writing", 0.5,
            r"\b(?:suitable|appropriate|ideal|perfect|tailored|optimi[sz]ed|ready) for (?:a|an|your) (?:\w+ ){0,2}"
            r"(?:news site|website|blog|publication|newsletter|audience|outlet|readership|LinkedIn|WordPress|SEO)\b",
            "a neutral tone suitable for a local news site", "suitable for", "appropriate for", "ideal for",
            "perfect for", "tailored for", "optimized for", "optimised for", "ready for"),
    _signal("echo of the prompt", 1.0,
            r"\b(?:the )?(?:article|text|piece|post|draft|essay|version) (?:you )?requested\b|\bthe requested "
            r"(?:article|text|piece|post|draft|essay)\b|\bl['’](?:articolo|article) (?:richiesto|demandé)\b"
            r"|\b(?:der|den) gewünschten? (?:Artikel|Text)\b|\bel (?:artículo|texto) (?:solicitado|que pediste)\b"
            r"|\bo (?:artigo|texto) (?:solicitado|que pediu)\b|\bhet gevraagde (?:artikel|stuk)\b"
            r"|\b(?:zamówiony|żądany) (?:artykuł|tekst)\b",
            "Eccoti l'articolo richiesto:", "requested", "richiesto", "demandé", "gewünschte", "gewünschten",
            "solicitado",
            "que pediste", "que pediu", "gevraagde", "zamówiony", "żądany"),
    _signal("word-count talk", 1.0,
            r"\b(?:this|the) (?:article|piece|text|draft|post|essay|version) (?:is|comes to|runs|has) (?:approximately"
            r"|about|around|roughly|~)\s*\d[\d,]*\s*words\b",
            "This article is approximately 750 words long.", " words", keys=("words",)),
    # Citation marks that chat tools insert, which survive a copy-paste.
    _signal("citation residue", 1.0,
            r"contentReference\[oaicite:\d+\]|\boaicite:\d+|\boai_citation\b|【\d+(?::\d+)?†[^】\n]{0,60}】"
            r"|\bcite(?:\W{0,3}turn\d+(?:search|news|view|fetch|file)\d+)+|\bturn\d+(?:search|news|view|fetch)\d+\b"
            r"|\butm_source=(?:chatgpt(?:\.com)?|openai|copilot(?:\.com)?|perplexity(?:\.ai)?|gemini"
            r"|claude(?:\.ai)?)\b",
            ":contentReference[oaicite:3]{index=3}", "oaicite", "oai_citation", "†", "utm_source",
            *(f"turn{digit}" for digit in range(10))),
    # A checklist that grades the text, ticked with emoji, in one block.
    _signal("checklist grading the text", 1.0,
            rf"(?:✅|✔️?|☑️?|✓)\s*\**\s*{_QUALITY}[^✅✔☑✓\n]{{0,120}}(?:✅|✔️?|☑️?|✓)",
            "✅ Tone: neutral ✅ Word count: 612", "✅", "✔", "☑", "✓"),
    # The prompt echoed, in seven more languages.
    _signal("echo of the prompt", 0.6,
            rf"\bas you (?:asked|requested|wanted)\b|\bwie (?:von dir |von Ihnen )?gewünscht\b|\bcomme (?:tu l{_A}as"
            rf"|vous l{_A}avez) demandé\b|\bcomme demandé\b|\bcomo (?:me )?(?:pediste|pidió|solicitaste)\b"
            r"|\bcome (?:mi )?hai chiesto\b|\bcome richiesto\b|\bcomo (?:você )?(?:pediu|solicitou)\b"
            r"|\bzoals (?:je|u) (?:vroeg|vroegt|hebt gevraagd|heeft gevraagd)\b|\bzoals gevraagd\b"
            r"|\bzgodnie z (?:twoją |Twoją )?prośbą\b|\btak jak prosiłeś\b",
            "Ich habe den Ton wie gewünscht sachlich gehalten.", "as you asked", "as you requested", "as you wanted",
            "gewünscht", "demandé", "pediste", "pidió",
            "solicitaste", "chiesto", "richiesto", "pediu", "solicitou", "vroeg", "vroegt", "gevraagd", "prośbą",
            "prosiłeś", whole=True),
    # First person about the writing, in seven more languages.
    _signal("first-person talk about the writing", 0.5,
            rf"\b(?:ich habe|j{_A}ai|he|ho|eu|ik heb)\s+(?:\w+\s+){{0,3}}?(?:gehalten|gekürzt|umgeschrieben"
            rf"|überarbeitet"
            r"|gardé|raccourci|réécrit|retravaillé|mantenido|acortado|reescrito|revisado|mantenuto|accorciato"
            r"|riscritto|mantive|encurtei|reescrevi|revisei|gehouden|ingekort|herschreven)\b[^.!?\n]{0,60}?"
            rf"{_TEXT_OBJECT}|\b(?:zachowałem|zachowałam|skróciłem|skróciłam|przepisałem|przepisałam)\b"
            rf"[^.!?\n]{{0,60}}?{_TEXT_OBJECT}",
            "J'ai gardé un ton neutre et raccourci le texte.", "gehalten", "gekürzt", "umgeschrieben", "überarbeitet",
            "gardé", "raccourci", "réécrit", "retravaillé", "mantenido", "acortado", "reescrito", "revisado",
            "mantenuto", "accorciato", "riscritto", "mantive", "encurtei", "reescrevi", "revisei", "gehouden",
            "ingekort", "herschreven", "zachowałem", "zachowałam", "skróciłem", "skróciłam", "przepisałem",
            "przepisałam", whole=True),
)  # fmt: skip
_ANYWHERE = _ANYWHERE + _SITUATIONS

# Evidence that opens a block: preambles, labels of notes to the editor.
# They are tried at each block's start, after a cheap look at its first word.
_OPENING: tuple[Signal, ...] = (
    _signal("chatbot preamble", 1.0,
            r"\W{0,3}(?:sure|certainly|absolutely|of course|okay|ok|great|alright|got it|happy to help|sure thing)\b"
            rf"[!,.]*\s*(?:[^.!?\n]{{0,40}}[.!]\s*)?(?:{_HERE_IS}\s+(?:[\w,’'-]+\s+){{0,4}}?{_HANDED}\b"
            rf"|below you{_A}ll find|I(?:{_A}ve| have) (?:written"
            rf"|drafted|created|prepared|put together|revised|rewritten)|I(?:{_A}d| would) be (?:happy|glad)"
            r"|I can (?:help|write))",
            "Sure! Here is an article about the Sahel:",
            starts="sure certainly absolutely of okay ok great alright got happy"),
    _signal("chatbot preamble", 1.0,
            rf"{_HERE_IS}\s+(?:a|an|the|your|my)\s+(?:[\w,.’'-]+\s+){{0,3}}?(?:article|blog post|blog|draft|essay"
            r"|press release|news (?:article|story|report))\b[^.!?\n]{0,150}?(?::|\s(?:about|on|for|that|which"
            r"|based on|covering|exploring|discussing)\b)",
            "Here is a 1,000-word article on the Sahel crisis:",
            starts="here below"),
    _signal("chatbot preamble", 1.0,
            rf"{_HERE_IS}\s+(?:a|an|the|your|my)\s+(?:revised|rewritten|updated|improved|polished|edited|shorter"
            r"|longer|shortened|expanded|condensed|more [\w-]+|new|final|second|alternative)\s+(?:version|draft"
            r"|take)\b",
            "Here's a revised version with a stronger lede:",
            starts="here below"),
    _signal("chatbot preamble", 0.5,
            rf"{_HERE_IS}\s+(?:a|an|the|your)\s+(?:[\w,.’'-]+\s+){{0,3}}?(?:summary|outline|version|rewrite|story)\b",
            "Here is the outline",
            starts="here below"),
    _signal("note to the editor", 1.0,
            r"\W{0,3}(?:meta description|meta title|seo title|seo meta description|focus key(?:word|phrase)s?"
            r"|seo keywords?|target keywords?|title (?:options|ideas|suggestions)|headline (?:options|ideas"
            r"|suggestions)|suggested (?:titles?|headlines?|slug)|alternative (?:titles?|headlines?)"
            rf"|editor{_A}?s? notes? to self|image suggestions?"
            r"|suggested images?|internal link(?:ing)? suggestions?|url slug)\s*[:：]",
            "Meta description: The US is re-engaging the Sahel juntas.",
            starts="meta seo focus target title headline suggested alternative editor editors image internal url"),
    _signal("note to the editor", 0.6,
            r"(?:meta description|seo title|title options|headline options|word count|focus keyphrase"
            r"|suggested titles|image suggestions)$",
            "Title options",
            starts="meta seo title headline word focus suggested image"),
    # "Notes to editors" close every press release; a note to one editor is rarer.
    _signal("note to the editor", 0.6, r"\W{0,3}notes? (?:to|for) (?:the|my) editor\s*[:：]",
            "Note to the editor: check the quotes.",
            starts="note notes"),
    _signal("note to the editor", 0.3, r"\W{0,3}(?:keywords|tags|slug|excerpt|tone|target audience|call to action"
            r"|cta)\s*[:：]", "Keywords: Sahel, Mali",
            starts="keywords tags slug excerpt tone target call cta"),
    _signal("word-count talk", 1.0,
            r"\W{0,3}(?:(?:total|final|approximate|approx\.?|estimated) )?word count\s*[:：=-]?\s*"
            rf"{_APPROX}\d[\d,. ]*(?:words?)?\W{{0,3}}$",
            "Word count: 1,024",
            starts="total final approximate approx estimated word"),
    _signal("self-review", 1.0,
            r"\W{0,3}self[- ](?:correction|review|critique|check|evaluation)s?(?:\s*[/&]\s*[\w-]+(?: [\w-]+){0,4})?"
            r"\s*\**\s*[:：]"
            r"|\W{0,3}(?:my )?(?:thinking|thought) process\s*:|\W{0,3}final (?:check|review|polish)\s*:",
            "Self-Correction/Review during generation:",
            starts="self my thinking thought final"),
    # Two marks at least: a lone "#" before a caption is a permalink's text.
    _signal("markdown left in the text", 0.5, r"#{2,4} \S", "## Background",
            starts="#"),
    # French, Spanish, German, Italian, Portuguese preambles.
    _signal("chatbot preamble", 1.0,
            rf"(?:bien sûr|certainement|absolument|avec plaisir|d{_A}accord)\s*[!,.]?\s*(?:voici|je vous propose)\b"
            rf"|voici (?:un|une|l{_A}|le|la|votre|ma)\s*(?:[\w'’-]+\s+){{0,3}}?(?:article|texte|version|proposition"
            r"|brouillon|rédaction|billet)\b[^.!?\n]{0,150}?(?::|\s(?:sur|à propos|consacré|concernant)\b)",
            "Bien sûr ! Voici un article sur la crise au Sahel :",
            starts="bien certainement absolument avec d voici"),
    _signal("chatbot preamble", 1.0,
            r"¡?(?:claro|por supuesto|desde luego|con gusto|perfecto|entendido)\s*(?:que sí)?\s*[!,.]?\s*"
            r"(?:aquí|a continuación)\s+(?:tienes|está|están|te dejo|le dejo|le presento|te presento|encontrarás)\b"
            r"|(?:aquí|a continuación)\s+(?:tienes|está|te dejo|le dejo|te presento|le presento)\s+(?:un|una|el|la"
            r"|tu|su)\s+(?:[\w,.’'-]+\s+){0,3}?(?:artículo|texto|versión|borrador|propuesta|redacción)\b",
            "Claro, aquí tienes un artículo sobre el Sahel:",
            starts="claro por desde con perfecto entendido aquí a"),
    _signal("chatbot preamble", 1.0,
            r"(?:gerne|natürlich|klar|selbstverständlich|sicher|okay)\s*[!,.]?\s*(?:hier\s+(?:ist|sind|kommt"
            r"|findest du|finden Sie)|im Folgenden)\b|hier\s+(?:ist|kommt)\s+(?:ein|eine|der|die|das|dein|deine|Ihr"
            r"|Ihre)\s+(?:[\w,.’'-]+\s+){0,3}?(?:Artikel|Text|Entwurf|Version|Fassung|Blogbeitrag|Beitrag)\b"
            r"[^.!?\n]{0,150}?(?::|\s(?:über|zum|zur|zu)\b)",
            "Gerne! Hier ist ein Artikel über die Lage im Sahel:",
            starts="gerne natürlich klar selbstverständlich sicher okay hier"),
    _signal("chatbot preamble", 1.0,
            rf"(?:certo|certamente|ecco|sicuro|volentieri)\s*[!,.]?\s*(?:ecco\s+)?(?:un|una|l{_A}|il|la|lo)\s*"
            r"(?:[\w'’-]+\s+){0,3}?(?:articolo|testo|versione|bozza)\b"
            r"|(?:claro|com certeza|certamente|perfeito)\s*[!,.]?\s*aqui (?:está|estão|vai)\b"
            r"|aqui (?:está|vai)\s+(?:um|uma|o|a|seu|sua)\s+(?:[\w,.’'-]+\s+){0,3}?(?:artigo|texto|versão|rascunho)\b",
            "Certo! Ecco un articolo sul Sahel:",
            starts="certo certamente ecco sicuro volentieri claro com perfeito aqui"),
)  # fmt: skip
_NOTE_LABEL = (
    r"(?:notes?|nb|n\.b\.|hinweis|anmerkung|remarque|nota|opmerking|uwaga|tip|tipp|astuce|consejo|suggerimento"
    r"|dica|wskazówka)"
)
_NOTE_ACTION = (
    r"(?:replace|add|insert|verify|check|adjust|update|swap|include|consider|you (?:may|might|could|should|can)"
    r"|ersetze|ersetzen|ergänze|ergänzen|füge|prüfe|prüfen|remplace[zr]?|ajoute[zr]?|insére[zr]|vérifie[zr]?"
    r"|reemplaza|sustituye|añade|agrega|inserta|verifica|comprueba|sostituisci|aggiungi|inserisci|controlla"
    r"|substitua|adicione|insira|verifique|vervang|voeg|controleer|zastąp|dodaj|wstaw|sprawdź)"
)
_NOTE_STRONG_ACTION = (
    r"(?:replace|insert|swap|verify|fact-check|double-check|ersetze|ersetzen|remplace[zr]?|vérifie[zr]?|reemplaza"
    r"|sustituye|sostituisci|substitua|vervang|zastąp)"
)
_NOTE_OBJECT = (
    r"(?:quotes?|statistics?|stats|figures?|sources?|links?|names?|examples?|data|citations?|anecdotes?|images?"
    r"|keywords?|placeholders?|details|dates?|Zitat\w*|Quelle\w*|Zahlen|Daten|Beispiel\w*|citations?|chiffres"
    r"|exemples?|données|cita\w*|fuentes?|cifras|datos|ejemplos?|citazion\w*|fonti|dati|esempi\w*|citaç\w*"
    r"|fontes?|dados|exemplos?|citaat|citaten|bron\w*|cijfers|gegevens|voorbeeld\w*|cytat\w*|źród\w*|dane|dan\w*"
    r"|przykład\w*|liczb\w*)"
)
_SITUATION_OPENINGS: tuple[Signal, ...] = (
    # A preamble that hands the text over, in Dutch and Polish, and English forms beyond those above.
    _signal("chatbot preamble", 1.0,
            r"(?:natuurlijk|zeker|graag|uiteraard|prima|oké)\s*[!,.]?\s*(?:hier\s+(?:is|zijn|heb je|volgt)"
            r"|hieronder\s+(?:vind|staat|lees))\b|hier\s+(?:is|volgt)\s+(?:een|de|het|je|jouw|uw)\s+"
            r"(?:[\w,.’'-]+\s+){0,3}?(?:artikel|tekst|versie|concept|blog|opzet)\b"
            r"|hieronder\s+(?:vind je|vindt u|staat|lees je)\s+(?:een|de|het|je|jouw|uw)\s+(?:[\w,.’'-]+\s+){0,3}?"
            r"(?:artikel|tekst|versie|concept|blog|opzet)\b",
            "Natuurlijk! Hier is een artikel over de Sahel:",
            starts="natuurlijk zeker graag uiteraard prima oké hier hieronder"),
    _signal("chatbot preamble", 1.0,
            r"(?:oczywiście|jasne|pewnie|chętnie|dobrze|jasna sprawa)\s*[!,.]?\s*(?:oto|poniżej(?: znajdziesz)?)\b"
            # "Poniżej" hands a text over only with a verb: "Poniżej dalsza część
            # artykułu" is a news site's "story continues below".
            r"|(?:oto|poniżej\s+(?:znajdziesz|przedstawiam|prezentuję))\s+(?:\w+\s+){0,3}?(?:artyku\w*|tekst\w*"
            r"|wersj\w*|szkic\w*|propozycj\w*)\b",
            "Oczywiście! Oto artykuł o sytuacji w Sahelu:",
            starts="oczywiście jasne pewnie chętnie dobrze jasna oto poniżej"),
    _signal("chatbot preamble", 1.0,
            rf"{_HERE_IS}\s+(?:a |an |the |your )?(?:[\w-]+\s+){{0,3}}?(?:version|rewrite|draft|take|edit) of (?:your"
            r"|the) (?:text|article|draft|post|piece|story|paragraph|intro|introduction|essay|blog post)\b",
            "Here's a polished version of your text:",
            starts="here below"),
    _signal("chatbot preamble", 1.0,
            r"\W{0,3}(?:great|good|excellent|fantastic|interesting) (?:question|idea|topic|choice|request)!",
            "Great question! The Sahel has seen three coups.",
            starts="great good excellent fantastic interesting"),
    _signal("chatbot preamble", 1.0,
            rf"{_HERE_IS}\s+(?:a|an|the|your)\s+(?:[\w,.’'-]+\s+){{0,3}}?(?:op-ed|opinion piece|column|feature"
            r"|editorial|explainer|newsletter|profile|listicle|review|speech|news story|blog entry|LinkedIn post"
            r"|social media post|thread)\b[^.!?\n]{0,100}?\b(?:about|on|arguing|exploring|covering|discussing"
            r"|based on|that (?:explores|argues|covers))\b[^.!?\n]{0,100}:\s*$"
            r"|(?:eccoti|ecco a te|ecco qui)\s+(?:l['’]|il |la |un |una )\s*(?:[\w'’-]+\s+){0,3}?(?:articolo|testo"
            r"|versione|bozza)",
            "Here is a 500-word op-ed arguing for the new budget:",
            starts="here below eccoti ecco"),
    _signal("word-count talk", 1.0,
            r"\W{0,3}\(\s*(?:approx\.?|approximately|about|around|roughly|ca\.?|circa|env\.?|environ|aprox\.?"
            r"|cerca di|ok\.?|około|ongeveer|~)\s*\d[\d,.]*\s*(?:words|Wörter|mots|palabras|parole|palavras|woorden"
            r"|słów)\s*\)\W{0,3}$",
            "(Approx. 800 words)",
            starts="("),
    # Labels that a chat interface puts before each turn, in eight languages.
    _signal("chat-interface residue", 1.0,
            r"\W{0,3}(?:you said|chatgpt said|du hast gesagt|sie haben gesagt|vous avez dit|tu as dit|has dicho"
            r"|dijiste|tú dijiste|hai detto|você disse|je zei|u zei|powiedziałeś|powiedziałaś"
            r"|(?:chatgpt|claude|gemini|copilot) "
            r"(?:hat gesagt|sagte|a dit|dijo|ha detto|disse|zei|powiedział))\s*[:：]",
            "You said:",
            starts=("you chatgpt du sie vous tu has dijiste tú hai você je u powiedziałeś powiedziałaś claude gemini "
                   "copilot")),
    # Buttons of a chat interface, copied as lines of text.
    _signal("chat-interface residue", 1.0,
            r"\W{0,3}(?:copy code|code kopieren|copier le code|copiar código|copia codice|code kopiëren|kopiuj kod"
            r"|regenerate(?: response)?|neu generieren|régénérer|regenerar|rigenera|opnieuw genereren"
            r"|(?:wygeneruj|generuj) ponownie"
            r"|(?:copy|edit|retry|read aloud)(?:\s+(?:copy|edit|retry|read aloud|regenerate|share))+)\W{0,3}$",
            "Copy code",
            starts=("copy code copier copiar copia kopiuj regenerate neu régénérer regenerar rigenera opnieuw "
                   "wygeneruj generuj edit retry read")),
    # A heading that carries the word budget of the request.
    _signal("word budget in a heading", 1.0,
            r"\W{0,3}(?:\d{1,2}[.):]\s*)?(?:introduction|intro|conclusion|section|part|paragraph|body|hook|lede"
            r"|einleitung|fazit|schluss|abschnitt|teil|hauptteil|partie|introducción|conclusión|sección|parte"
            r"|cuerpo|introduzione|conclusione|sezione|introdução|conclusão|seção|secção|corpo|inleiding|conclusie"
            r"|sectie|deel|slot|wstęp|wprowadzenie|podsumowanie|zakończenie|sekcja|część|h[1-4])\b[^\n(]{0,60}"
            r"\(\s*(?:approx\.?|approximately|about|around|ca\.?|circa|env\.?|environ|aprox\.?|aproximadamente"
            r"|cerca di|ok\.?|około|ongeveer|~)?\s*\d{2,4}(?:\s*[-–]\s*\d{2,4})?\s*(?:words|Wörter|mots|palabras"
            r"|parole|palavras|woorden|słów|wyrazów)\s*\)\s*:?\s*$",
            "Introduction (approx. 150 words)",
            starts=("introduction intro conclusion section part paragraph body hook lede einleitung fazit schluss "
                   "abschnitt teil hauptteil partie introducción conclusión sección parte cuerpo introduzione "
                   "conclusione sezione introdução conclusão seção secção corpo inleiding conclusie sectie deel slot "
                   "wstęp wprowadzenie podsumowanie zakończenie sekcja część h1 h2 h3 h4")),
    # A checklist that grades the text, ticked with emoji.
    _signal("checklist grading the text", 0.6, rf"\W{{0,3}}(?:✅|✔️?|☑️?|✓)\s*\**\s*{_QUALITY}",
            "✅ Tone: neutral and factual",
            starts="✅ ✔ ☑ ✓"),
    # A note in brackets to whoever asked for the text; without brackets, only one that asks for the text's
    # facts to be replaced or verified ("Note: check the shop for the latest figures" is the reader's).
    _signal("note to the requester", 1.0,
            rf"[\[(]\s*{_NOTE_LABEL}\s*[:：—–-]\s*[^\]\)\n]{{0,120}}?(?:\b{_NOTE_ACTION}\b[^\]\)\n]{{0,60}}?"
            rf"\b{_NOTE_OBJECT}|\bplaceholders?\b|\b{_NOTE_OBJECT}[^\]\)\n]{{0,60}}?\b{_NOTE_ACTION}\b)",
            "[Note: Replace the quotes with real ones before publishing.]",
            starts="[ ("),
    _signal("note to the requester", 1.0,
            rf"\W{{0,3}}{_NOTE_LABEL}\s*[:：—–-]\s*[^\n]{{0,120}}?(?:\b{_NOTE_STRONG_ACTION}\b[^\n]{{0,60}}?"
            rf"\b{_NOTE_OBJECT}|\bplaceholders?\b|\b{_NOTE_OBJECT}[^\n]{{0,60}}?\b{_NOTE_STRONG_ACTION}\b)",
            "Note: I've used placeholder quotes; please replace them.",
            starts=("note notes nb n hinweis anmerkung remarque nota opmerking uwaga tip tipp astuce consejo "
                   "suggerimento dica wskazówka")),
    # Fields of an SEO plugin, filled in by the assistant, in eight languages.
    _signal("note to the editor", 1.0,
            r"\W{0,3}(?:meta[- ]?(?:beschreibung|descripción|descrizione|descrição|beschrijving|opis)|méta-?description"
            r"|meta-description|seo[- ](?:titel|titre|título|titolo|tytuł)|(?:titre|título|titolo|tytuł) seo"
            r"|fokus-?keyword|focus-?(?:zoekwoord|trefwoord)|mot-clé (?:principal|cible)|palabra clave (?:principal"
            r"|objetivo)|parola chiave (?:principale|focus)|palavra-chave (?:principal|foco|em foco)|frase-chave"
            r"|słowo kluczowe(?: główne)?|fraza kluczowa|slug(?: url)?|url-slug)\s*[:：]",
            "Meta-Beschreibung: Die USA nähern sich den Juntas im Sahel an.",
            starts=("meta metabeschreibung metadescripción metadescrizione metadescrição metabeschrijving metaopis "
                   "méta métadescription seo titre título titolo tytuł fokus fokuskeyword focus focuszoekwoord "
                   "focustrefwoord mot palabra parola palavra frase słowo fraza slug url")),
)  # fmt: skip
_OPENING = _SITUATION_OPENINGS + _OPENING
# What a block starts with, found at every block start at once (blocks are
# separated by a blank line in Article.text): the marks before its first word,
# and the word, after a list number ("1. Introduction"). A lookahead, so that a
# block that is only marks does not hide the next block's start. An opening
# signal is tried only where its first word or one of its marks is found: one
# pattern of every signal's alternatives, tried at every block start, cost
# 0.17-0.19 ms of a median corpus article and its compilation 15-17 ms of every run.
_FIRST_WORD = r"(?=((?:[^\w\n]|_){0,12})(?:\d{1,2}[.):]\s*)?([^\W_]*))"
_TEXT_START = on_use(_FIRST_WORD)
_BLOCK_START = on_use(r"\n\n" + _FIRST_WORD)


def _by_start(signals: Sequence[Signal]) -> dict[str, tuple[Signal, ...]]:
    """The opening signals that each first word or mark may begin, in order."""
    found: dict[str, tuple[Signal, ...]] = {}
    for signal in signals:
        for start in signal.starts:
            found[start] = (*found.get(start, ()), signal)
    return found


_OPENING_BY_START = _by_start(_OPENING)
_OPENING_ORDER = {signal: order for order, signal in enumerate(_OPENING)}
"""Where several signals may open a block, the first in _OPENING that matches counts."""


def _opening_at(text: str, offset: int, end: int, marks: str, word: str) -> tuple[Signal, re.Match[str]] | None:
    """The opening signal that matches at *offset*, reading no further than *end*."""
    candidates = _OPENING_BY_START.get(word.lower(), ())
    for mark in marks:
        candidates += _OPENING_BY_START.get(mark, ())
    for signal in sorted(set(candidates), key=_OPENING_ORDER.__getitem__) if len(candidates) > 1 else candidates:
        if match := signal.pattern.match(text, offset, end):
            return signal, match
    return None


# A list item that grades the text: "Neutral Tone: Ensured language remained factual".
# The lookahead before the label reads once, without giving back, to the colon
# that must follow it (only spaces, other white space and asterisks may come
# between), so that a paragraph is left at once rather than tried at each of
# the label's forty lengths (the scan of a corpus article takes a quarter of the time).
_GRADING = on_use(
    r"\W{0,3}(?:\d+[.)]\s*)?(?=[A-Z][\w/&'’ -]{0,40}+[\s*]*[:：])"
    r"(?P<label>[A-Z][\w/&'’ -]{1,40}?)\s*\**\s*[:：]\s*\**\s*(?:(?:Constantly|Carefully|Also"
    r"|Consistently|Thoroughly|Deliberately|Mostly|Largely)\s+)?(?:Ensured|Checked|Reviewed|Maintained|Kept|Used"
    r"|Avoided|Added|Included|Verified|Expanded|Focused|Made sure|Incorporated|Structured|Double-checked|Confirmed"
    r"|Adhered|Aimed|Varied|Removed|Replaced|Trimmed|Condensed|Reworded|Rephrased|Simplified|Polished|Tightened"
    r"|Adjusted|Balanced|Provided|Emphasi[sz]ed|Highlighted|Organi[sz]ed|Formatted|Framed|Strived|Opted|Limited"
    r"|Wrote|Crafted|Described)\b"
)
_GRADING_SCAN = on_use(r"\n\n(?=" + _GRADING.pattern + ")")
_GRADED_QUALITY = on_use(
    r"tone|word count|length|structure|html|seo|title|headline|concise|clarity|readab|repetition|format|accura"
    r"|flow|heading|keyword|style|grammar|voice|intro|conclusion|transition|sources|fact|citation|engag|hook"
    r"|markdown|neutral|bias|objectiv|original|plagiar|specific",
    _I,
)
# ...and whose body talks about the writing ("Ensured language remained factual").
_GRADED_WRITING = on_use(
    r"\b(?:language|phrases?|words?|sentences?|paragraphs?|tone|titles?|headlines?|article|text|draft|html|headings?"
    r"|length|readers?|jargon|bias|facts?|sources?|quotes?|structure|keywords?|seo|flow|transitions?|repetition"
    r"|filler|specifics?|details?|examples?|intro(?:duction)?|conclusion|sections?|clarity|wording|style)\b",
    _I,
)
# A list item labelled with a quality of writing and talking about the writing
# grades the text; one with only one of the two is probably a changelog or a
# product review ("Formatting: Added tables", "Design: Kept the same look").
_GRADING_WEIGHTS = {(True, True): 0.8, (True, False): 0.3, (False, True): 0.3, (False, False): 0.1}

# A block that mentions chatbots is probably an article about them: the
# phrases it uses are quoted or described, and count for half.
_ABOUT_CHATBOTS = on_use(
    r"\b(?:chatgpt|gpt-?\d|chatbots?|bard|gemini|claude|copilot|llms?|language models?|the model|the bot"
    r"|ai (?:model|assistant|tool|system)s?|openai|anthropic)\b",
    _I,
)
_QUOTING = frozenset({"blockquote", "q", "code", "pre", "kbd", "samp"})
# A sentence reported from someone else ("…, says the ministry", "the
# ministry says…", "according to…"): their words, not the assistant's, and
# what they say counts for half, like a paragraph about chatbots.
_SAYS = (
    r"(?:says|said|writes|wrote|notes|noted|adds|added|claims|claimed|insists|insisted|argues|argued|reports"
    r"|reported)"
)
_ATTRIBUTION = on_use(rf",\s*(?:{_SAYS}|according to|told)\b", _I)
_REPORTED_BEFORE = on_use(rf"(?:\b{_SAYS}|\btold(?: \w+){{1,3}}|\baccording to [^.!?\n,]{{1,60}},)\s*(?:that\s+)?$", _I)
# How far before a passage an attribution ("the minister says") is looked for:
# further than the longest that _REPORTED_BEFORE finds, and no further, so that
# a one-sentence page of many passages is not read back to its start each time.
_REPORTED_REACH = 200
_LEADING = on_use(r"[\W_]*")


def _lead(matched: str) -> int:
    """Length of the punctuation before a match's first word."""
    found = _LEADING.match(matched)
    return found.end() if found else 0


@dataclass
class _Evidence:
    """The evidence of a leak found in one block: its total weight and its kinds."""

    score: float = 0.0
    labels: dict[str, float] = field(default_factory=dict)

    def add(self, label: str, weight: float) -> None:
        # One kind of evidence counts once per block, at its strongest.
        if weight > self.labels.get(label, 0.0):
            self.score += weight - self.labels.get(label, 0.0)
            self.labels[label] = weight


class GenerationArtifact(Rule):
    """No text that a writing assistant left behind is published.

    ## What it checks
    Passages of the article that are not the article but the writing
    assistant or language model talking. The rule models the situations in
    which that conversation ends up in print:

    - a preamble that talks to the requester ("Sure! Here is an article
      about…", "Gerne! Hier ist…", "Oczywiście! Oto artykuł…");
    - a sign-off or an offer of further help ("I hope this helps!", "Want me
      to shorten it?", "Möchtest du, dass ich den Text kürze?", "Si quieres,
      puedo…", "Laat me weten als je aanpassingen wilt");
    - a note about the writing itself (self-review, "Word Count Check",
      "I've kept the tone neutral", "J'ai gardé un ton neutre", a heading that
      carries its word budget: "Introduction (approx. 150 words)"), a note in
      brackets to the requester ("[Note: replace the quotes with real ones]"),
      and a checklist that grades the text ("✅ Tone: neutral");
    - a refusal or policy talk printed as the article ("I'm sorry, but I
      can't help with that", "Lo siento, pero no puedo…");
    - the assistant describing itself or its knowledge cutoff ("As an AI
      language model…", "as of my last update", "Stand meines Wissens…");
    - residue of the chat interface, pasted with the text: speaker labels
      ("You said:", "Du hast gesagt:"), buttons ("Copy code", "Regenerate"),
      its disclaimer ("ChatGPT can make mistakes"), "Thought for 12 seconds";
    - citation residue that chat tools insert and a copy-paste keeps
      (`:contentReference[oaicite:2]{index=2}`, `【12†source】`, `turn0search1`,
      and links whose address carries `utm_source=chatgpt.com` or another chat
      tool's name);
    - field blocks for the CMS ("Meta description:", "SEO title:", "Slug:",
      "Focus keyword:", "Meta-Beschreibung:", "Titre SEO :"), echoes of the
      prompt ("as per your instructions", "wie gewünscht") and title options.

    The rule weighs evidence rather than matching one pattern. Each block
    (paragraph, list item, heading) collects evidence from a lexicon of
    phrases and patterns, from first-person talk about the writing ("I've
    kept the tone neutral"), and from list items that grade the text
    ("Neutral Tone: Ensured language remained factual"). Strong evidence,
    which no writer puts in an article, counts 1.0; weaker evidence, which a
    writer might use ("as requested", "I hope this helps"), counts less and
    only adds up with other evidence nearby. Blocks with evidence that are
    next to each other (at most `max_gap` blocks apart), and a list that a
    block with evidence introduces ("…during generation:"), form one passage,
    reported once over its whole span with its confidence (1 − 0.2^total) and
    what gave it away. A passage is reported when its confidence reaches
    `min_confidence`: by default 0.8, a total of 1.0, so that one piece of
    strong evidence is enough and weak evidence never is on its own. The
    weights and the defaults were set on the examples in
    `fixtures/generation/`.

    An article *about* chatbots is not a leak: evidence in quotation marks, in
    `<blockquote>`, `<q>` or code counts for nothing, and in a paragraph that
    names a chatbot or a language model it counts for half, unless it opens
    the paragraph as a preamble would. Evidence in a sentence reported from
    someone else ("…, says the ministry", "the ministry says…", "according
    to…") counts for half too. A preamble hands over the text ("Sure! Here is
    an article about…", "Certainly, here's the revised draft"); "Sure! Here is
    what happened next" goes on with a story instead. And "the required points
    of the curriculum" are not the prompt's. The rule reads the story (scope
    `story`): the article with the fact boxes (`<aside>`), datelines and labels
    that the article finder sets aside inside it, where leaks hide as often as
    in the body; navigation and readers' comment sections are not read.

    Each situation has evidence in English, German, French, Spanish, Italian,
    Portuguese, Dutch and Polish, and the markers, interface strings and
    addresses that have no language. All are looked for whatever the
    article's language, because assistants often answer in one language around
    text in another; an article in any other language is searched for those
    of these eight only. The weights were checked on the leaked and
    near-miss examples of `fixtures/generation/` (corrections, editor's
    notes, an advice column's "I hope this helps", articles that quote
    chatbots, interviews that say "Certainly", how-to intros that start "Here
    is"), and on the corpus's real articles, pages and extraction pages
    (`benchmarks/leak_precision.py`), where the rule reports nothing.


    Each passage has an unsafe fix that deletes its blocks, each element
    start tag to end tag; none where a block's element holds more than the
    passage or has no end tag.
    ## Why
    Text pasted from an assistant carries its conversation along. The seed
    article shipped a whole "Self-Correction/Review during generation" block
    after its last paragraph: five list items grading its own word count,
    tone and HTML. Nothing else tells readers so plainly that nobody read the
    piece before it went out.

    ## Fails
    ```html
    <h1>Sahel juntas</h1>
    <p>The United States is recalibrating its approach to the Sahel.</p>
    <p>I hope this helps! Let me know if you'd like any changes to the tone or length.</p>
    ```

    ## Passes
    ```html
    <h1>What chatbots say</h1>
    <p>Asked about the Sahel, the chatbot began: “Sure! Here is an article about the region.”</p>
    <blockquote><p>As an AI language model, I cannot predict what the juntas will do.</p></blockquote>
    ```
    """

    id = "generation-artifact"
    summary = (
        "No text left by a writing assistant: preambles, sign-offs, offers, notes on the writing, refusals,"
        " chat-interface and citation residue, CMS fields."
    )
    severity = Severity.ERROR
    scope = "story"
    messages = {
        "leaked": "text left by a writing assistant (confidence {confidence:.2f}): {evidence}",
    }
    advice = {
        "leaked": "Delete what the writing assistant left and read the passage again before it is published.",
    }
    fixable = True
    fix_applicability = {"leaked": Applicability.UNSAFE}

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        min_confidence: float = option(
            0.8, "Lowest confidence reported (0.8 is a total evidence of 1.0).", minimum=0.5, maximum=0.999
        )
        max_gap: int = option(1, "Blocks without evidence allowed inside one passage.", minimum=0, maximum=5)

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        view = ctx.view
        indices = view.block_indices
        if not indices:
            return
        evidence = _collect(article, view)
        if not evidence:
            return
        blocks = [article.blocks[i] for i in indices]
        options = ctx.options
        for first, last in _passages(article, blocks, evidence, options.max_gap):
            parts = [evidence[i] for i in range(first, last + 1) if i in evidence]
            total = sum(part.score for part in parts)
            confidence = 1 - 0.2**total
            if confidence + 1e-9 < options.min_confidence:
                continue
            start, end = blocks[first].start, blocks[last].end
            found = ctx.at_text(start, end, "leaked", confidence=min(confidence, 0.99), evidence=_describe(parts))
            deletion = ctx.deletion(start, end)
            yield ctx.fixed(found, ctx.fix("Delete the passage", deletion, unsafe=True) if deletion else None)


def _collect(article: Article, view: View) -> dict[int, _Evidence]:
    """Evidence by position in the view's blocks."""
    indices = view.block_indices
    text = article.text
    blocks = article.blocks
    position = {index: k for k, index in enumerate(indices)}
    start, end = blocks[indices[0]].start, blocks[indices[-1]].end
    found: dict[int, _Evidence] = {}
    usable: dict[int, bool] = {}

    def quoted(k: int, low: int, high: int) -> bool:
        return view.is_quoted(indices[k], low, high)

    def place(offset: int) -> int | None:
        """Position of the block at *offset*, if it is the article's and not a quotation."""
        k = position.get(article.block_at(offset))
        if k is not None and k not in usable:
            block = blocks[indices[k]]
            usable[k] = block.kind not in ("quote", "preformatted") and not article.within(block.element, _QUOTING)
        return k if k is not None and usable[k] else None

    # Openings: preambles and notes, tried at each block start.
    first = _TEXT_START.match(text) if start == 0 else None
    for start_of_block in chain((first,) if first else (), _BLOCK_START.finditer(text, max(start - 2, 0), end)):
        offset = start_of_block.end()
        # The text's first block is read to its own end, the others to the view's.
        reach = end if offset else blocks[indices[0]].end
        opening = _opening_at(text, offset, reach, *start_of_block.groups())
        if opening is None or (k := place(offset)) is None:
            continue
        signal, match = opening
        if not quoted(k, offset + _lead(match.group()), match.end()):
            found.setdefault(k, _Evidence()).add(signal.label, signal.weight)
    # List items grading the text.
    gradings = [m.start() + 2 for m in _GRADING_SCAN.finditer(text, max(start - 2, 0), end)]
    gradings += [0] if start == 0 and _GRADING.match(text, 0, blocks[indices[0]].end) else []
    for offset in gradings:
        k = place(offset)
        grading = _GRADING.match(text, offset, blocks[indices[k]].end) if k is not None else None
        if k is not None and grading:
            quality = _GRADED_QUALITY.search(grading.group("label")) is not None
            writing = _GRADED_WRITING.search(text, grading.end(), blocks[indices[k]].end) is not None
            found.setdefault(k, _Evidence()).add("list item grading the text", _GRADING_WEIGHTS[quality, writing])
    # Phrases anywhere: only the signals whose anchors occur (most articles hold
    # none), in their order, and only in the blocks that hold one of them.
    holding = view.blocks_holding(_ANCHORS)
    signals = [_ANYWHERE[i] for i in sorted({i for anchor in holding for i in _SIGNALS_OF_ANCHOR[anchor]})]
    words: frozenset[str] = frozenset()
    if any(signal.keys for signal in signals):  # the view's words read only for a signal that asks
        words = view.vocabulary
        # A hyphen joins words into one ("AI-based"), in which a pattern still reads "AI".
        words = words.union(*(word.split("-") for word in words if "-" in word))
    surroundings: dict[int, _Surroundings] = {}
    for signal in signals:
        if signal.keys and words.isdisjoint(signal.keys):  # a set test in C
            continue
        for index in view.blocks_with(signal.anchors, holding):
            k = position.get(index)
            block = blocks[index]
            if k is None or place(block.start) is None:
                continue
            for match in signal.pattern.finditer(text, block.start, block.end):
                if quoted(k, match.start(), match.end()):
                    continue
                if index not in surroundings:
                    surroundings[index] = _Surroundings(view, block, text[block.start : block.end])
                weight = signal.weight
                if surroundings[index].discounts(match.start() - block.start, match.end() - block.start):
                    weight /= 2
                found.setdefault(k, _Evidence()).add(signal.label, weight)
    # Links that carry a chat tool's tracking (…?utm_source=chatgpt.com): copied from its answer.
    tracked = "utm_source=" in article.source
    links = [link for link in view.elements("a") if _CHAT_LINK.search(link.get("href") or "")] if tracked else []
    if links:
        holders = {blocks[index].element: index for index in indices}
        for link in links:
            holder = next((holders[e] for e in (link, *link.iterancestors()) if e in holders), None)
            k = place(blocks[holder].start) if holder is not None else None
            if k is not None:
                found.setdefault(k, _Evidence()).add("citation residue", 1.0)
    return found


def _by_anchor(signals: Sequence[Signal]) -> dict[str, tuple[int, ...]]:
    """The positions in *signals* of the signals that each anchor is one of."""
    found: dict[str, tuple[int, ...]] = {}
    for position, signal in enumerate(signals):
        for anchor in signal.anchors:
            found[anchor] = (*found.get(anchor, ()), position)
    return found


_SIGNALS_OF_ANCHOR = _by_anchor(_ANYWHERE)
_ANCHORS = tuple(_SIGNALS_OF_ANCHOR)
"""Every phrase signal's anchors, found in one read of the view's text."""
_CHAT_LINK = on_use(r"[?&]utm_source=(?:chatgpt|openai|copilot|perplexity|gemini|claude)\b", _I)


class _Surroundings:
    """What in one block makes its evidence count for half, found once per block
    (each passage then costs a binary search, not a read of the whole block):
    where it names chatbots, where its sentences end, where it attributes words."""

    def __init__(self, view: View, block: Block, body: str) -> None:
        self.body = body
        self.mentions = [match.span() for match in _ABOUT_CHATBOTS.finditer(body)]
        self.ends = [sentence.end - block.start for sentence in view.sentences_in(block.start, block.end)]
        """Where the block's sentences end, as the document model splits them."""
        self.attributions = [match.start() for match in _ATTRIBUTION.finditer(body)]

    def discounts(self, low: int, high: int) -> bool:
        """Whether evidence at body[low:high] counts for half: the block names a
        chatbot elsewhere, or the passage is in a sentence attributed to someone."""
        mentions = self.mentions
        # Mentions are in order and do not overlap: one lies outside the passage
        # when the first ends before it or the last starts after it.
        if mentions and (mentions[0][1] <= low or mentions[-1][0] >= high):
            return True
        ends, attributions = self.ends, self.attributions
        # "…, says the ministry": an attribution before the sentence ends.
        attribution = bisect.bisect_left(attributions, high)
        sentence_end = bisect.bisect_left(ends, high)
        if attribution < len(attributions) and (
            sentence_end == len(ends) or attributions[attribution] < ends[sentence_end]
        ):
            return True
        # "The ministry says…": one just before the passage, in its sentence.
        previous_end = bisect.bisect_right(ends, low) - 1
        sentence_start = ends[previous_end] if previous_end >= 0 else 0
        return _REPORTED_BEFORE.search(self.body, max(sentence_start, low - _REPORTED_REACH), low) is not None


def _passages(
    article: Article, blocks: Sequence[Block], evidence: dict[int, _Evidence], max_gap: int
) -> Iterator[tuple[int, int]]:
    """(first, last) block indices of each run of blocks with evidence."""
    current: tuple[int, int] | None = None
    for index in sorted(evidence):
        reach = _introduced_list_end(article, blocks, index)
        if current is not None and index - current[1] - 1 <= max_gap:
            current = (current[0], max(current[1], reach))
        else:
            if current is not None:
                yield current
            current = (index, reach)
    if current is not None:
        yield current


def _introduced_list_end(article: Article, blocks: Sequence[Block], index: int) -> int:
    """The last block of the list that blocks[index] introduces (as a heading,
    or with a colon), or *index* itself when it introduces none."""
    block = blocks[index]
    if block.kind != "heading" and not article.text.startswith(":", block.end - 1):
        return index
    following = block.element.getnext()
    while following is not None and not isinstance(following.tag, str):  # a comment between them
        following = following.getnext()
    if following is None or following.tag not in ("ul", "ol", "dl"):
        return index
    last = index
    for later in range(index + 1, len(blocks)):
        element = blocks[later].element
        if element is following or following in element.iterancestors():
            last = later
        else:
            break
    return last


def _describe(parts: list[_Evidence]) -> str:
    counts: Counter[str] = Counter()
    weights: dict[str, float] = {}
    for part in parts:
        for label, weight in part.labels.items():
            counts[label] += 1
            weights[label] = weights.get(label, 0.0) + weight
    ranked = sorted(counts, key=lambda label: -weights[label])
    return ", ".join(label if counts[label] == 1 else f"{label} ×{counts[label]}" for label in ranked)
