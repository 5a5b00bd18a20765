"""Shared fixtures and options: the user cache dir points at a temporary directory for the whole
session, so the default clause library is never built in the real ~/.cache; `--update-golden`
rewrites tests/golden/*.yaml from the current output."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def isolated_cache(tmp_path_factory):
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield Path(os.environ["XDG_CACHE_HOME"])
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = previous


@pytest.fixture(scope="session")
def library(tmp_path_factory) -> Path:
    """A library mined from examples/corpus."""
    from planner.mine.library import mine_corpus

    db = tmp_path_factory.mktemp("library") / "library.sqlite"
    report = mine_corpus([ROOT / "examples" / "corpus"], db)
    assert report.failed == 0
    return db


@pytest.fixture()
def conn(library):
    from planner.mine import store

    connection = store.connect(library, create=False)
    yield connection
    connection.close()


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="重新生成 tests/golden/ 下的结构快照（改动须像代码一样审阅）")


# Documents laid out by LibreOffice: all of them in one run for the whole session (each run
# costs seconds), measured by the tests that need a PDF.
JIMO_PLAN = ROOT / "examples" / "plans" / "000_数字即墨2024年行动方案.yaml"
# The last page of a 实施意见 (constructs c62), and a 实施意见 whose lines give a character away
# before a comma (real final10 003): laid out as planner renders what it reads from them.
LAID_TEXTS = {"untitled": ROOT / "tests" / "fixtures" / "constructs" / "c62.txt",
              "gives_way": ROOT / "tests" / "fixtures" / "real" / "final10" / "003.txt",
              # a short plan: its only page that runs on holds its title and 空一行 (final13 005)
              "titled_short": ROOT / "tests" / "fixtures" / "real" / "final13" / "005.txt"}
RIZHAO_PLAN = ROOT / "examples" / "plans" / "003_日照市数字强市发展规划2024-2026.yaml"
# A notice whose 文号 stands in brackets under its title and whose 附件说明 holds 2022 (Word
# and LibreOffice set digits a quarter character apart): its signature came alone onto page 2.
DONGYING_PLAN = ROOT / "examples" / "plans" / "002_东营市数字变革创新2022年行动方案.yaml"
MASTHEAD = "青岛市即墨区人民政府办公室文件"
DOC_NUMBER = "即政办发〔2024〕9号"
PRINTER = "青岛市即墨区人民政府办公室"
# 13 organisations: the 抄送 list wraps to four lines of 4号 (the 版记 case).
LONG_CC = ["区委各部门", "区人大常委会办公室", "区政协办公室", "区法院", "区检察院", "区委办公室", "区纪委监委",
           "区委组织部", "区委宣传部", "区委统战部", "区委政法委", "即墨警备区", "区人武部"]
THREE_LINE_TITLE = "青岛市即墨区人民政府办公室关于印发数字即墨2024年行动方案和数字即墨建设2024年工作要点的通知"
# Each 通知 variant: NoticeFields values, the 版头, and whether the 分工表 is attached.
JOINT_SIX = ["即墨区数据局", "发 改 局", "财 政 局", "人力资源社会保障局", "市 监 局", "统 计 局"]
JOINT_SIX_TITLE = ("即墨区数据局 即墨区发展和改革局 即墨区财政局 即墨区人力资源和社会保障局 即墨区市场监督管理局"
                   " 即墨区统计局关于印发数字即墨2024年行动方案的通知")
JOINT_INSIDE_WORDS_TITLE = ("临江市数据局 临江市发展改革委 临江市财政局人力资源社会保障局 市场监管局"
                            "关于印发临江市公共数据授权运营管理办法的通知")
JOINT_TITLE_YEAR = ("即墨区数据局 即墨区发展和改革局 即墨区财政局 即墨区人力资源和社会保障局 即墨区市场监督管理局"
                    "关于印发数字即墨2024年行动方案的通知")
NOTICE_VARIANTS = {
    "plain": ({}, None, False),
    "masthead": ({"doc_number": DOC_NUMBER}, MASTHEAD, False),
    "cc_printer": ({"cc": LONG_CC, "printer": PRINTER}, None, False),
    "matrix": ({"doc_number": DOC_NUMBER}, MASTHEAD, True),
    "matrix_imprint": ({"doc_number": DOC_NUMBER, "cc": LONG_CC, "printer": PRINTER}, MASTHEAD, True),
    "title3": ({"title": THREE_LINE_TITLE}, None, False),
    # A 数据局 signing its own notice: the date (2024年5月31日) reaches further right than the
    # 署名, so the date is the one 右空二字 (7.3.5.2).
    "short_issuer": ({"issuer": ["即墨区数据局"]}, None, False),
    # Six departments signing together, stacked, short names letter-spaced; their joint title
    # names them apart with spaces (a national notice read from a PDF, final13 005).
    "joint_six": ({"issuer": JOINT_SIX, "title": JOINT_SIX_TITLE}, None, False),
    # A joint title that cannot be shaped at word boundaries alone (constructs c75), signed by
    # letter-spaced names.
    "joint_inside_words": ({"issuer": ["临江市数据局", "发 改 委", "财 政 局"], "title": JOINT_INSIDE_WORDS_TITLE},
                           None, False),
    # A 菱形 title whose last line holds a year: LibreOffice's substitute digits are wider, so that
    # line is longer on its page than in the document's fonts (16、20、14、14 set as 16、20、14、15).
    "joint_title_year": ({"issuer": ["即墨区数据局", "即墨区发展和改革局"], "title": JOINT_TITLE_YEAR}, None, False),
}


class Laid:
    """A DOCX and the PDF LibreOffice laid it out as; `pages` measured on first use."""

    def __init__(self, docx: Path, pdf: Path) -> None:
        self.docx, self.pdf = docx, pdf
        self._pages = None

    @property
    def pages(self):
        from planner.check.pdf import read_pdf

        if self._pages is None:
            self._pages = read_pdf(self.pdf)
        return self._pages


@pytest.fixture(scope="session")
def laid_out(tmp_path_factory) -> dict[str, Laid]:
    """Every document the PDF tests measure: the 通知 variants of plan 000, plan 003 alone,
    the 分工表, and the hand-written notices (tests/handmade.py)."""
    import shutil

    from handmade import WRONG, notice
    from planner.office import docx_pdfs, soffice
    from planner.parse.document import ingest_text
    from planner.planfile import load_plan
    from planner.render import NoticeFields, RenderOptions, render_matrix, render_notice, render_plan

    if not soffice() or not shutil.which("pdftotext"):
        pytest.skip("未安装 LibreOffice 或 poppler-utils：跳过 PDF 排版测量（.ci/run 会安装）")
    folder = tmp_path_factory.mktemp("laid-out")
    jimo = load_plan(JIMO_PLAN)
    docs = {}
    for name, (fields, masthead, matrix) in NOTICE_VARIANTS.items():
        docs[name] = render_notice(jimo, folder / f"{name}.docx", NoticeFields(**fields),
                                   RenderOptions(masthead=masthead), with_matrix=matrix)
    dongying = load_plan(DONGYING_PLAN)
    for name in ("plain", "matrix_imprint"):
        fields, masthead, matrix = NOTICE_VARIANTS[name]
        docs[f"dongying_{name}"] = render_notice(dongying, folder / f"dongying_{name}.docx", NoticeFields(**fields),
                                                 RenderOptions(masthead=masthead), with_matrix=matrix)
    docs["rizhao"] = render_plan(load_plan(RIZHAO_PLAN), folder / "rizhao.docx")
    for name, text in LAID_TEXTS.items():  # texts as read from real pages, with no title line
        docs[name] = render_plan(ingest_text(text.read_text(encoding="utf-8"), text.name).plan, folder / f"{name}.docx")
    docs["matrix_alone"] = render_matrix(jimo, folder / "分工表.docx")
    docs["hand_right"] = notice(folder / "hand_right.docx")
    for wrong in WRONG:
        docs[f"hand_{wrong}"] = notice(folder / f"hand_{wrong}.docx", wrong)
    pdfs = docx_pdfs(list(docs.values()), folder / "pdf")
    return {name: Laid(Path(docx), pdfs[docx]) for name, docx in docs.items()}


# The workspace (planner serve): one server for the session, in its own process, over a folder
# of copies of the bundled outline and plan; the HTTP and browser tests each use their own files.
SERVED_OUTLINE = ROOT / "examples" / "outlines" / "数字即墨2025年行动方案.yaml"


class Served:
    def __init__(self, url: str, root: Path) -> None:
        self.url, self.root = url, root

    def copy(self, source: Path, name: str) -> Path:
        import shutil

        return Path(shutil.copy(source, self.root / name))


@pytest.fixture(scope="session")
def served(tmp_path_factory, library):
    """`planner serve FOLDER/数字即墨2025年行动方案.yaml --port 0 --no-browser` running."""
    import re
    import subprocess
    import sys

    for module in ("starlette", "uvicorn", "multipart"):
        pytest.importorskip(module, reason="未安装 planner[serve]：跳过工作台测试（pip install -e '.[test]' 会装上）")
    root = tmp_path_factory.mktemp("served")
    served = Served("", root)
    first = served.copy(SERVED_OUTLINE, SERVED_OUTLINE.name)
    served.copy(JIMO_PLAN, JIMO_PLAN.name)
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONIOENCODING": "utf-8"}
    log = root.parent / "serve.log"  # a file, not a pipe nobody reads: the server never blocks on it
    with open(log, "w", encoding="utf-8") as errors:
        proc = subprocess.Popen([sys.executable, "-m", "planner", "serve", str(first), "--port", "0",
                                 "--no-browser", "--db", str(library)], stdout=subprocess.PIPE, stderr=errors,
                                text=True, encoding="utf-8", env=env, cwd=root)
        line = proc.stdout.readline()
        found = re.search(r"(http://[^/]+)/", line)
        if found is None:
            proc.kill()
            raise RuntimeError(f"planner serve 没有启动：{line}{log.read_text(encoding='utf-8')}")
        served.url = found.group(1)
        yield served
        proc.terminate()
        proc.wait(timeout=30)
