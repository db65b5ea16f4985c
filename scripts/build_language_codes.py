"""Build lint_article/data/languages.tsv, the language codes that settings are checked against.

One line per ISO 639-2 language: its three-letter code, its two-letter ISO 639-1
code (empty when it has none), its bibliographic three-letter code (empty when
the same) and its English name, separated by tabs. The source is the iso-codes
package that Debian and most Linux distributions install
(``/usr/share/iso-codes/json/iso_639-2.json``, LGPL-2.1); lint-article reads the
table it makes, never the network.

    python scripts/build_language_codes.py [path/to/iso_639-2.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SOURCE = Path("/usr/share/iso-codes/json/iso_639-2.json")
TARGET = Path(__file__).resolve().parent.parent / "lint_article" / "data" / "languages.tsv"


def rows(source: Path) -> list[str]:
    entries = json.loads(source.read_text(encoding="utf-8"))["639-2"]
    return [
        "\t".join((e["alpha_3"], e.get("alpha_2", ""), e.get("bibliographic", ""), e["name"]))
        for e in sorted(entries, key=lambda e: e["alpha_3"])
    ]


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    lines = rows(source)
    TARGET.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{TARGET}: {len(lines)} languages")


if __name__ == "__main__":
    main()
