"""The article's language: <html lang>, else the settings, else its own text."""

from __future__ import annotations

import pytest

from lint_article import Article, lint
from lint_article.document.language import recognise

SAMPLES = {
    "en": "The council approved the budget on Tuesday night after a long debate about the new parks plan.",
    "fr": "Le conseil a approuvé le budget mardi soir après un long débat sur le nouveau plan des parcs.",
    "de": "Der Rat hat den Haushalt am Dienstagabend nach einer langen Debatte über den neuen Parkplan gebilligt.",
    "es": "El consejo aprobó el presupuesto el martes por la noche tras un largo debate sobre el plan de parques.",
    "it": "Il consiglio ha approvato il bilancio martedì sera dopo un lungo dibattito sul nuovo piano dei parchi.",
    "pt": "O conselho aprovou o orçamento na terça à noite depois de um longo debate sobre o novo plano dos parques.",
    "nl": "De raad heeft de begroting dinsdagavond goedgekeurd na een lang debat over het nieuwe parkenplan.",
    "pl": "Rada zatwierdziła budżet we wtorek wieczorem po długiej debacie nad nowym planem dla parków i ogrodów.",
    "ru": "Совет утвердил бюджет во вторник вечером после долгих споров о новом плане парков.",
    "uk": "Рада затвердила бюджет у вівторок увечері після довгої дискусії про новий план парків і їхнє майбутнє.",
    "ja": "議会は火曜日の夜、公園の新しい計画についての長い議論の後、予算を承認しました。",
    "zh": "议会在周二晚上经过关于新公园计划的长时间辩论后批准了预算。",
    "el": "Το συμβούλιο ενέκρινε τον προϋπολογισμό την Τρίτη το βράδυ μετά από μακρά συζήτηση.",
    "he": "המועצה אישרה את התקציב ביום שלישי בערב לאחר דיון ארוך על תוכנית הפארקים החדשה.",
    "bn": "পরিষদ মঙ্গলবার রাতে নতুন পার্ক পরিকল্পনা নিয়ে দীর্ঘ বিতর্কের পর বাজেট অনুমোদন করেছে।",
}


@pytest.mark.parametrize(("code", "text"), SAMPLES.items(), ids=list(SAMPLES))
def test_a_paragraph_tells_its_language(code: str, text: str) -> None:
    language = Article.from_html(f"<p>{text}</p>").language()
    assert (language.code, language.source) == (code, "text")


def test_text_that_tells_no_language_is_unknown() -> None:
    assert recognise("Mali, Niger, Burkina Faso, 2023", ["Mali", "Niger", "Burkina", "Faso", "2023"]) is None
    assert Article.from_html("<p></p>").language().code is None


def test_html_lang_wins_then_the_settings_then_the_text() -> None:
    french = f"<p>{SAMPLES['fr']}</p>"
    assert Article.from_html(f'<html lang="de-AT"><body>{french}').language("es").code == "de"
    assert Article.from_html(f'<html lang="de-AT"><body>{french}').language("es").source == "html"
    assert Article.from_html(french).language("es").code == "es"
    assert Article.from_html(french).language().code == "fr"


@pytest.mark.parametrize("code", ["de", "bn"])
def test_prose_overrules_a_declared_language_it_does_not_use(code: str) -> None:
    # A theme's lang="en" over a story of some length in another language
    # (German prose holds a few of English's function words: "am", "so").
    more = {"de": "Die Stadt baut eine neue Brücke über den Fluss und eine Schule für die Kinder des Viertels."}
    story = f"<p>{SAMPLES[code]} {more.get(code, '')}</p>" * 8
    page = Article.from_html(f'<html lang="en"><body>{story}')
    assert (page.language().code, page.language().source) == (code, "text")
    # A declared language the text does not use says nothing: the setting comes first.
    assert (page.language("fr").code, page.language("fr").source) == ("fr", "config")
    # A short text, or one that uses the declared language's words too, leaves the declaration standing.
    assert Article.from_html(f'<html lang="en"><body><p>{SAMPLES[code]}</p>').language().code == "en"
    mixed = f"<p>{SAMPLES[code]}</p><p>{SAMPLES['en']}</p>" * 4
    assert Article.from_html(f'<html lang="en"><body>{mixed}').language().code == "en"


def test_a_french_article_without_lang_is_not_read_with_english_rules() -> None:
    # Before the language was recognised, "et de la" was reported as a repeated phrase.
    paragraphs = [
        "Le maire parle de la ville et de la région avec les habitants du quartier.",
        "Les enfants jouent près de la rivière et de la forêt pendant les vacances.",
        "Le musée présente des œuvres de la peinture et de la sculpture du siècle dernier.",
        "On parle beaucoup de la mer et de la montagne dans ce petit village.",
        "Le conseil discute de la route et de la gare depuis plusieurs mois déjà.",
    ]
    html = "".join(f"<p>{text}</p>" for text in paragraphs)
    assert lint(html, config={"select": ["repeated-phrases"]}).findings == ()
    # Read as English (its function words), the same text repeats "et de la" five times.
    english = lint(html, config={"select": ["repeated-phrases"], "language": "en"}).findings
    assert [(f.message_id, f.data["phrase"], f.data["count"]) for f in english] == [("repeated", "et de la", 5)]
