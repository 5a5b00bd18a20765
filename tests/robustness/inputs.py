"""Inputs that try to break planner: mutated seed texts and plans full of hostile strings.
Used by the short hypothesis run in CI and by the long run (tests/robustness/long_run.py)."""
from __future__ import annotations

import random
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
SEEDS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
# Strings that have broken document tools before.
NASTY = ["<w:p>", "]]>", "&amp;", "&#0;", "\x00", "\x01\x02\x0b\x0c\x1f", "\ud800", "\udfff", "\ufffe",
         "😀👨‍👩‍👧", "\u202e", "\u200b", "\t", "\r\n", "\n\n", "{{ 7*7 }}", "{% for %}", "'\"", "=SUM(A1)",
         "（（（（", "））", "（责任单位：", "一、", "（一）", "1.", "第一章", "2024-05-31", "〔2022〕", "附件：",
         "抄送：", "此件公开发布", " ", "　", "\\", "$(rm -rf /)", "%s%n", "\u0000" * 3]


def mutate(text: str, rng: random.Random) -> str:
    """A seed text damaged the ways scraping and editing damage text."""
    lines = text.splitlines()
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(7)
        if not lines:
            lines = [""]
        at = rng.randrange(len(lines))
        if op == 0:
            del lines[at]
        elif op == 1:
            lines.insert(at, rng.choice(lines))
        elif op == 2:
            line = lines[at]
            cut = rng.randrange(len(line) + 1)
            lines[at] = line[:cut] + rng.choice(NASTY) + line[cut:]
        elif op == 3:
            lines[at] = lines[at][: rng.randrange(len(lines[at]) + 1)]
        elif op == 4:
            rng.shuffle(lines)
        elif op == 5:
            lines[at] = lines[at] * rng.randint(2, 50)
        else:
            lines[at] = "".join(rng.choice(lines[at] or "一") for _ in range(rng.randint(0, 200)))
    return "\n".join(lines)


def to_traditional(text: str) -> str:
    """The text in traditional characters, as far as planner's table knows them (reversed)."""
    from planner.form.hanzi import PAIRS

    table = {}
    for pair in PAIRS.split():
        table.setdefault(pair[1], pair[0])
    return text.translate(str.maketrans(table))


def one_line(text: str, rng: random.Random) -> str:
    """The text with its line breaks gone, as an aggregator's dump has it (joined with nothing,
    a space or a full-width space)."""
    return rng.choice(["", " ", "\u3000"]).join(text.splitlines())


def nasty_text(rng: random.Random, long: bool = False) -> str:
    pieces = [rng.choice(NASTY) if rng.random() < 0.4 else rng.choice(SEEDS)[rng.randrange(2000):][:rng.randint(0, 40)]
              for _ in range(rng.randint(1, 6))]
    text = "".join(pieces)
    if long:
        text *= 100_000 // max(len(text), 1) + 1
    return text


def nasty_plan(rng: random.Random) -> dict:
    """Plan data: hostile strings everywhere, empty parts, deep nesting, now and then huge text."""
    def text() -> str:
        return nasty_text(rng, long=rng.random() < 0.01)

    def part(depth: int) -> dict:
        node = {"title": text(), "marker": rng.choice(["一、", "（一）", "1.", "（1）", None, text()[:5]]),
                "paragraphs": [{"clauses": [{"text": text(), "responsibility": {
                    "lead": [{"name": text(), "canonical": text()}], "support": [], "raw": text()}}
                    if rng.random() < 0.5 else {"text": text()}]} for _ in range(rng.randint(0, 2))],
                "items": [{"marker": rng.choice(["1.", "2、", None]), "title": text(), "run_in": rng.random() < 0.5,
                           "paragraphs": [{"lead": text() if rng.random() < 0.3 else None,
                                           "clauses": [{"text": text()}]}]} for _ in range(rng.randint(0, 3))]}
        if depth < 12 and rng.random() < 0.5:
            node["parts"] = [part(depth + 1) for _ in range(rng.randint(1, 2))]
        return node

    sections = [{"role": rng.choice(["goals", "tasks", "safeguards", "other", "projects"]), **part(0)}
                for _ in range(rng.randint(0, 4))]
    data = {"title": text() or "方案", "sections": sections,
            "preamble": [{"clauses": [{"text": text()}]}]}
    if rng.random() < 0.5:
        data["notice"] = {"title": text(), "recipients": [text()], "body": [text()], "issuer": [text()],
                          "date": "2024-05-31", "public": text(), "cc": [text()], "printer": text(),
                          "print_date": "2024-06-01"}
    return data


# Punctuation and its half-width or straight stand-in: what a punctuation-only mutation swaps.
WIDE_TO_NARROW = {"，": ",", "。": ".", "；": ";", "：": ":", "（": "(", "）": ")", "“": '"', "”": '"', "、": ",",
                  "！": "!", "？": "?", "‘": "'", "’": "'"}
NARROW_TO_WIDE: dict[str, list[str]] = {}
for _wide, _narrow in WIDE_TO_NARROW.items():
    NARROW_TO_WIDE.setdefault(_narrow, []).append(_wide)
PUNCTUATION = list(WIDE_TO_NARROW) + list(NARROW_TO_WIDE)


def punctuation_mutation(rng: random.Random, lines: int = 40) -> str:
    """A window of a seed with its punctuation damaged: a mark swapped for its half-width or
    straight form (or back), a mark inserted, a mark deleted — 1 to 6 times. Nothing else."""
    seed = rng.choice(SEEDS).splitlines()
    start = rng.randrange(max(1, len(seed) - lines))
    chars = list("\n".join(seed[start:start + lines]))
    for _ in range(rng.randint(1, 6)):
        spots = [i for i, ch in enumerate(chars) if ch in WIDE_TO_NARROW or ch in NARROW_TO_WIDE]
        op = rng.randrange(3)
        if op == 0 and spots:
            at = rng.choice(spots)
            ch = chars[at]
            chars[at] = WIDE_TO_NARROW[ch] if ch in WIDE_TO_NARROW else rng.choice(NARROW_TO_WIDE[ch])
        elif op == 1 and chars:
            chars.insert(rng.randrange(len(chars)), rng.choice(PUNCTUATION))
        elif op == 2 and spots:
            del chars[rng.choice(spots)]
    return "".join(chars)
