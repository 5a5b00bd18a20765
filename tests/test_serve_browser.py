"""The workspace in a real browser: Debian's chromium driven by Playwright through its executable
path (nothing is downloaded), against the session's `planner serve` (tests/conftest.py).

Each test takes screenshots of the screens it passes through, into a temporary folder, or into
$PLANNER_SCREENSHOTS when set (`PLANNER_SCREENSHOTS=docs/screenshots` makes the README's
pictures). No result depends on pixels."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

import pytest

from planner.draft.outline import load_outline

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# As /work/.library/env/machines/python.md runs it: no network of its own, a fresh profile.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
OUTLINE = ROOT / "examples" / "outlines" / "数字即墨2025年行动方案.yaml"
PLAN = ROOT / "examples" / "plans" / "000_数字即墨2024年行动方案.yaml"


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip("未安装 chromium（Debian 的 chromium 包）：跳过浏览器测试（.ci/run 会安装）")
    sync_api = pytest.importorskip("playwright.sync_api", reason="未安装 playwright：跳过浏览器测试（pip install -e '.[test]' 会装上）")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 900}, accept_downloads=True, locale="zh-CN")
        context.set_default_timeout(30_000)
        yield context
        context.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory) -> Path:
    wanted = os.environ.get("PLANNER_SCREENSHOTS")
    folder = Path(wanted) if wanted else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def shot(page, shots: Path, name: str) -> None:
    page.screenshot(path=str(shots / f"{name}.png"))
    assert (shots / f"{name}.png").stat().st_size > 0


def changed(page, action) -> None:
    """Do `action` and wait for the answer of the change it makes (a new version of the file)."""
    before = page.get_attribute("#workspace", "data-version")
    action()
    page.wait_for_function("v => document.querySelector('#workspace').dataset.version !== v", arg=before)


def open_file(browser, served, name: str):
    page = browser.new_page()
    page.goto(f"{served.url}/edit?file={quote(name)}")
    return page


def test_drafting_an_item_from_the_library_end_to_end(browser, served, shots, tmp_path):
    """The issue's check: open the bundled outline, add an item with a keyword, pick a clause,
    see the preview change, fix a lint finding, download the DOCX and check it, reload and see
    the edit in the YAML."""
    from planner.check import check_docx

    page = open_file(browser, served, OUTLINE.name)
    shot(page, shots, "workspace")
    community = page.locator("li.item[data-key='parts[2].items[1]']")  # 智慧社区建设
    community.locator("summary").click()
    community.locator(".search-button").click()
    community.locator(".show-variants").first.click()  # a cluster of two cities' wordings
    community.locator(".variant").nth(1).wait_for()
    community.locator(".variant").nth(1).scroll_into_view_if_needed()
    shot(page, shots, "clauses")

    part = page.locator("section.part[data-part='2']")
    part.locator(".new-heading").fill("智慧医疗服务")
    part.locator(".new-keywords").fill("互联网医院")
    changed(page, lambda: part.locator(".add-item-button").click())
    item = page.locator("li.item[data-key='parts[2].items[3]']")
    assert item.locator("input[name$='.heading']").input_value() == "智慧医疗服务"

    item.locator("summary").click()
    assert item.locator(".q").input_value() == "互联网医院"
    item.locator(".search-button").click()
    first = item.locator(".hit").first
    first.wait_for()
    assert "互联网医院" in first.locator(".text").inner_text()
    before = page.locator("#preview").inner_text()
    changed(page, lambda: first.locator(".pick").click())
    text = item.locator("textarea[name$='.text']").input_value()
    assert text.startswith("推动互联网医院建设")
    preview = page.locator("#preview").inner_text()
    assert preview != before and "智慧医疗服务" in preview and text[:12] in preview

    area = item.locator("textarea[name$='.text']")
    area.fill(text + "推进5g远程医疗。")
    changed(page, lambda: area.blur())
    finding = item.locator(".finding", has_text="M007")
    finding.wait_for()
    item.scroll_into_view_if_needed()
    shot(page, shots, "findings")
    changed(page, lambda: finding.locator(".fix").click())
    assert item.locator("textarea[name$='.text']").input_value().endswith("推进5G远程医疗。")
    assert item.locator(".finding", has_text="M007").count() == 0

    with page.expect_download() as download:
        page.click("#download-plan")
    docx = tmp_path / download.value.suggested_filename
    download.value.save_as(docx)
    assert docx.name == "数字即墨2025年行动方案.docx" and check_docx(docx) == []

    page.reload()
    assert page.locator("li.item[data-key='parts[2].items[3]'] input[name$='.heading']").input_value() == "智慧医疗服务"
    saved = load_outline(served.root / OUTLINE.name).parts[2].items[3]
    assert saved.heading == "智慧医疗服务" and saved.text.endswith("推进5G远程医疗。")
    page.close()


def test_bad_input_is_shown_next_to_its_field_and_nothing_is_written(browser, served, shots):
    path = served.copy(OUTLINE, "坏输入.yaml")
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("notice:")], encoding="utf-8")  # no 印发通知 parts
    before = path.read_bytes()
    page = open_file(browser, served, path.name)
    year = page.locator("input[name='year']")
    year.fill("20255")
    year.blur()
    error = page.locator(".error[data-for='year']")
    error.wait_for()
    assert error.inner_text().startswith("坏输入.yaml: year: ")
    page.click("button[data-dialog='notice-dialog']")
    page.click("#notice-dialog button[value='download']")
    missing = page.locator("#notice-dialog .error[data-for='recipients']")
    missing.wait_for()
    assert "主送机关" in missing.inner_text()
    shot(page, shots, "notice")
    assert path.read_bytes() == before

    page.goto(served.url + "/")
    shot(page, shots, "start")
    listed = sorted(p.name for p in served.root.iterdir())
    page.set_input_files("#upload-form input[type=file]", files=[
        {"name": "上年方案.docx", "mimeType": "application/octet-stream", "buffer": b"not a zip"}])
    page.click("#upload-form button[type=submit]")
    upload = page.locator("#upload-form .error[data-for='upload']")
    upload.wait_for()
    assert "上年方案.docx" in upload.inner_text()
    assert sorted(p.name for p in served.root.iterdir()) == listed
    page.close()


def test_a_second_tab_is_told_the_file_changed(browser, served):
    path = served.copy(OUTLINE, "两个标签页.yaml")
    first, second = open_file(browser, served, path.name), open_file(browser, served, path.name)
    field = first.locator("input[name='issuer']")
    field.fill("即墨区人民政府办公室")
    changed(first, lambda: field.blur())
    saved = path.read_bytes()
    other = second.locator("input[name='region']")
    other.fill("黄岛区")
    other.blur()
    second.locator("#banner:not([hidden])").wait_for()
    assert "已在别处修改" in second.locator("#banner").inner_text()
    assert path.read_bytes() == saved
    first.close()
    second.close()


def test_a_plan_is_fixed_laid_out_and_rolled_over(browser, served, shots):
    from planner.office import soffice

    path = served.copy(PLAN, "上年方案.yaml")
    page = open_file(browser, served, path.name)
    assert page.locator(".finding").count() > 0
    shot(page, shots, "plan")
    changed(page, lambda: page.locator("#form .fix").first.click())  # 全部修复
    assert page.locator(".finding .fix").count() == 0
    if soffice():
        page.click("button[data-tab='pages']")
        page.click("#pages-button")
        page.locator(".page-images img").first.wait_for(timeout=120_000)
        page.wait_for_function("() => [...document.querySelectorAll('.page-images img')].every(i => i.complete)")
        shot(page, shots, "pages")
    page.fill("#rollover-year", "2025")
    page.click("#rollover-button")
    page.wait_for_url("**/edit?file=*")
    assert page.locator("input[name='year']").input_value() == "2025"
    page.close()
