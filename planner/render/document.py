"""Plan (and 印发通知) → DOCX bytes: blocks → paragraph XML (oxml builders) → package."""
from __future__ import annotations

from typing import Iterator, Optional

from planner.blocks import Block, imprint_blocks, notice_blocks, plan_blocks
from planner.form.attachments import is_label
from planner.form.fixes import fix, normalise
from planner.form.patterns import lazy
from planner.gcpause import without_gc_pauses
from planner.model import Notice, Plan
from planner.render import styles as st
from planner.render.options import RenderOptions
from planner.render.oxml.markup import twips
from planner.render.oxml.paragraph import Border, ParagraphFormat, Spacing, paragraph
from planner.render.oxml.text import RunFormat, is_plain, run, run_props
from planner.render.package import assemble
from planner.render.imprint import imprint_page
from planner.render.notice_page import ATTACHMENT_NOTE_INDENT, NoticePage
from planner.render.page import LINE_PITCH, section_break
from planner.render.profile import Profile, load_profile
from planner.render.title import title_lines
from planner.render.wording import JinjaWording

# Kinds laid out by one fixed style.
STYLE_OF = {"notice_title": st.TITLE, "doc_number": st.DOC_NUMBER, "recipients": st.RECIPIENTS,
            "notice_body": st.BODY, "public": st.BODY, "title": st.TITLE, "body": st.BODY}
NEW_PAGE = ParagraphFormat(page_break_before=True)
# The notice title under a 版头: two lines below the red rule, one line above the 主送.
UNDER_MASTHEAD = ParagraphFormat(spacing=Spacing(before=2 * LINE_PITCH, before_lines=200,
                                                 after=LINE_PITCH, after_lines=100))
HEAD_PROPS = {level: run_props(RunFormat(style=style)) for level, style in st.HEADING_CHARS.items()}
# 例：【待填：原为1000个】 (planner draft's placeholders), highlighted so a drafter sees each one.
PLACEHOLDER_RE = lazy(r"【待填[^】]*】")
PLACEHOLDER_PROPS = run_props(RunFormat(highlight="yellow"))
# A plan is nearly all body paragraphs and run-in headings (`1.标题。正文…`). For a text that
# run() copies as it is, their XML is what paragraph() and run() write with the text cut out:
# those pieces are made here once, by the builders themselves, and a block takes one f-string.
CUT = "\ue000"  # a private-use character: where the text goes
BODY_OPEN, BODY_CLOSE = paragraph(st.BODY, [run(CUT)]).split(CUT)
RUN_IN = {level: tuple(paragraph(st.BODY, [run(CUT, props), run(CUT)]).split(CUT))
          for level, props in HEAD_PROPS.items()}


@without_gc_pauses
def plan_docx(plan: Plan, options: Optional[RenderOptions] = None) -> bytes:
    """The plan alone: title, preamble, every division, responsibility notes."""
    options = options or RenderOptions()
    wording = JinjaWording(plan, options.templates)
    blocks = list(plan_blocks(plan, wording))
    return _package(blocks, load_profile(options.profile), plan, masthead=None)


@without_gc_pauses
def notice_docx(plan: Plan, notice: Notice, options: Optional[RenderOptions] = None,
                with_matrix: bool = False) -> bytes:
    """The 印发通知, the plan from a new page, and the 版记 at the foot of the last page.
    `with_matrix` attaches the 重点任务分工表 as a real 附件 (landscape, after the plan),
    with the 附件说明 line in the notice."""
    options = options or RenderOptions()
    profile = load_profile(options.profile)
    wording = JinjaWording(plan, options.templates)
    blocks = list(notice_blocks(notice, wording))
    attachment = ""
    if with_matrix:
        from planner.matrix import task_matrix
        from planner.render.reports import matrix_attachment, matrix_title

        at = next((i for i, b in enumerate(blocks) if b.kind in ("issuer", "date", "public")), len(blocks))
        blocks.insert(at, Block("attachment_note", f"附件：{normalise(matrix_title(plan))}"))
        attachment = section_break() + matrix_attachment(plan, task_matrix(plan))
    blocks.extend(plan_blocks(plan, wording))
    blocks.extend(imprint_blocks(notice, wording))
    return _package(blocks, profile, plan, masthead=options.masthead, notice=notice, attachment=attachment)


def _package(blocks: list[Block], profile: Profile, plan: Plan, masthead: Optional[str],
             notice: Optional[Notice] = None, attachment: str = "") -> bytes:
    author = (notice.issuer[0] if notice and notice.issuer else plan.issuer) or ""
    body = layout(blocks, masthead, notice, attachment)  # joined once, into document.xml
    imprint = any(block.kind in ("cc", "imprint") for block in blocks)
    return assemble(profile, body, plan.name or "", author, landscape_end=bool(attachment),
                    imprint_page=imprint)


def layout(blocks: list[Block], masthead: Optional[str], notice: Optional[Notice],
           attachment: str = "") -> Iterator[str]:
    """Paragraph XML for each block, in order."""
    if masthead is not None and notice is not None:
        yield from _masthead(masthead, fix(notice.doc_number or ""))  # stored as written
    page = NoticePage.plan(blocks, masthead is not None and notice is not None)
    seen_notice = False
    imprint = [block for block in blocks if block.kind in ("cc", "imprint")]
    for index, block in enumerate(blocks):
        kind = block.kind
        if kind == "heading":  # a plan's blocks are nearly all headings and body text
            yield _heading(block)
            continue
        if kind == "body":
            yield _body(block.text)
            continue
        if kind == "doc_number" and masthead is not None:
            continue  # shown in the 版头
        if kind in ("notice_title", "recipients", "issuer", "date"):
            seen_notice = True
        if kind == "title":
            yield paragraph(st.TITLE, [run("\n".join(title_lines(block.text)))], NEW_PAGE if seen_notice else None)
        elif kind == "notice_title":
            yield paragraph(st.TITLE, [run("\n".join(title_lines(block.text)))],
                            UNDER_MASTHEAD if masthead is not None else None)
        elif kind in ("issuer", "date"):
            yield page.signature_line(index, blocks)
        elif kind in ("cc", "imprint"):
            continue
        elif kind == "attachment_note":  # 附件说明 (7.3.4): one line below the body, 左空二字; a
            # long name wraps under its own first character, past 附件：
            yield paragraph(st.BODY, [run(block.text)], page.form(index, kind, blank_before=True,
                                                                  indent=ATTACHMENT_NOTE_INDENT))
        else:
            yield paragraph(STYLE_OF.get(kind, st.BODY), marked_runs(block.text), page.form(index, kind))
    yield attachment
    if imprint:  # its own page, the last, even and portrait (render.imprint)
        yield imprint_page(imprint, after_landscape=bool(attachment))


def _heading(block: Block) -> str:
    level = block.level if block.level is not None else 1
    if not block.head:
        return paragraph(st.HEADINGS.get(level, st.HEADINGS[4]), [run(block.text)])
    # A run-in heading (`（一）标题。正文…`): the head in the heading font, the rest as body.
    text, cut = block.text, len(block.head)
    if cut < len(text) and is_plain(text) and "【待填" not in text:
        opening, middle, closing = RUN_IN.get(level, RUN_IN[4])
        return f"{opening}{text[:cut]}{middle}{text[cut:]}{closing}"
    head = run(block.head, HEAD_PROPS.get(level, HEAD_PROPS[4]))
    return paragraph(st.BODY, [head, *marked_runs(text[cut:])])


def _body(text: str) -> str:
    """A body paragraph (no direct formatting: a plan's body text is never on the notice page).
    A line that is an 附件 label alone (附件1) is set as one: on a page of its own, 3号黑体,
    顶格 (GB/T 9704 8)."""
    if is_label(text):
        return paragraph(st.ATTACHMENT_LABEL, [run(text)], NEW_PAGE)
    if text and is_plain(text) and "【待填" not in text:
        return f"{BODY_OPEN}{text}{BODY_CLOSE}"
    return paragraph(st.BODY, marked_runs(text))


def marked_runs(text: str) -> list[str]:
    """Runs of `text`, each 【待填…】 placeholder highlighted."""
    if "【待填" not in text:
        return [run(text)]
    runs, at = [], 0
    for match in PLACEHOLDER_RE.finditer(text):
        runs += [run(text[at:match.start()]), run(match.group(0), PLACEHOLDER_PROPS)]
        at = match.end()
    return [piece for piece in runs + [run(text[at:])] if piece]


def _masthead(text: str, doc_number: str) -> Iterator[str]:
    """版头: 发文机关标志 35 mm below the 版心 top, 发文字号 two lines below it, then the red
    rule 4 mm under the 发文字号, as wide as the 版心."""
    yield paragraph(st.MASTHEAD, [run(text)], ParagraphFormat(spacing=Spacing(before=twips(33), after=0)))
    # 4 mm from the 发文字号's characters to the rule: half the grid line's leading (2.3 mm)
    # and the border's 4 pt (1.4 mm) — measured on the laid-out page (tests/test_render_pdf.py).
    rule = Border("bottom", 12, color="FF0000", space=4)
    yield paragraph(st.DOC_NUMBER, [run(doc_number)],
                    ParagraphFormat(borders=(rule,), spacing=Spacing(before=2 * LINE_PITCH, before_lines=200)))
