"""End to end in a real browser (Debian's chromium driven by Playwright): a department clerk logs
in, routes a case, registers it and records the referral; the township's clerk finds it in the
inbox, receives it, opens, closes and feeds back; the department sees the feedback; an unrelated
township is refused; the supervisor sees the statistics. Screenshots of the main pages go to the
test's tmp dir (and to ZHIFA_SCREENSHOTS when set, e.g. docs/screenshots)."""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from router.register.register import Register
from router.web import demo
from router.web.app import create_app
from router.web.settings import WebSettings

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--lang=zh-CN"]  # the UI locale: date inputs and the file picker in Chinese (locale= sets only the page's)
PASSWORD = "demo-password-for-tests"
VIEW = {"width": 1366, "height": 768}

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="浏览器测试未运行：没有 /usr/bin/chromium（apt-get install -y chromium chromium-driver）")


class Served(str):
    """The server's base URL, carrying the register it serves (to set up a state directly)."""

    def __new__(cls, url: str, reg):
        obj = super().__new__(cls, url)
        obj.reg = reg
        return obj


@pytest.fixture(scope="module")
def server(tmp_path_factory, router):
    import uvicorn
    folder = tmp_path_factory.mktemp("browser")
    reg = Register(str(folder / "register.sqlite3"), router=router, user="演示数据")
    demo.seed(reg, password=PASSWORD, cases=40)
    app = create_app(WebSettings(db=str(folder / "register.sqlite3"), secret="b" * 48), register=reg)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield Served(f"http://127.0.0.1:{port}", reg)
    srv.should_exit = True
    thread.join(10)
    reg.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True, args=ARGS,
            viewport=VIEW, locale="zh-CN",
            # on Linux Chromium takes its UI locale (date inputs, the file picker) from LANGUAGE,
            # not from --lang or locale=, which set only what pages are told
            env={**os.environ, "LANG": "zh_CN.UTF-8", "LANGUAGE": "zh_CN:zh"})
        yield ctx
        ctx.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = tmp_path_factory.mktemp("screenshots")
    yield folder
    target = os.environ.get("ZHIFA_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        for png in folder.glob("*.png"):
            shutil.copy(png, Path(target) / png.name)


def _login(page, base, login):
    page.goto(f"{base}/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", PASSWORD)
    # the page the login leads to has loaded (no page fetches anything after its load, so waiting
    # for the network to be idle, 0.5 s at least, only slowed each login)
    with page.expect_navigation():
        page.click("button:has-text('登录')")
    assert "/login" not in page.url, login


def _logout(page):
    page.click("header button:has-text('退出')")
    page.wait_for_url("**/login")


def test_referral_round_trip(server, browser, shots):
    page = browser.new_page()
    base = server
    # 1. the department's clerk (区交通局 in the demo) logs in and sees the inbox
    page.goto(f"{base}/")
    assert "/login" in page.url
    page.screenshot(path=str(shots / "01-login.png"))
    _login(page, base, "交通运输局")
    assert page.locator("h1").inner_text().endswith("待办")
    page.screenshot(path=str(shots / "02-inbox-department.png"), full_page=False)
    # 2. route a case: the decision appears in place (htmx), matched words marked
    page.click("nav a:has-text('路由案件')")
    page.fill("textarea[name=text]", "国道边上摆摊卖西瓜，占了半条道，浏览器测试")
    page.fill("input[name=place]", "孟轲")
    page.click("button:has-text('判断管辖')")
    page.wait_for_selector("article.matter")
    assert page.url.endswith("/route")  # swapped in place, no reload
    assert page.locator("mark").count() >= 1
    body = page.locator("#result").inner_text()
    assert "孟轲乡人民政府" in body and "截止" in body and ("还剩" in body or "已逾期" in body)
    assert "华龙法政办〔2021〕13号" in body
    page.screenshot(path=str(shots / "03-route-decision.png"), full_page=False)
    # 3. register in one click, then record the referral as sent
    page.click("button:has-text('登记此案件') >> nth=0")
    page.wait_for_selector("text=已登记，案件编号")
    number = page.locator("h1").inner_text().split(" ")[0]
    page.click("button:has-text('已移送')")
    page.wait_for_selector("ol.timeline >> text=移送")
    page.screenshot(path=str(shots / "04-case-department.png"), full_page=False)
    _logout(page)
    # 4. the township's clerk finds it in the inbox and acts on it
    _login(page, base, "孟轲乡")
    referred = page.locator("#referred")
    assert number in referred.inner_text()
    page.screenshot(path=str(shots / "05-inbox-township.png"), full_page=False)
    referred.locator(f"a:has-text('{number}')").first.click()
    page.click("button:has-text('接收移送')")
    page.click("button:has-text('立案')")
    page.click("button:has-text('办结')")
    page.click("button:has-text('已向移送部门反馈结果')")
    timeline = page.locator("ol.timeline").inner_text()
    for label in ("接收移送", "立案", "办结", "向移送部门反馈处理结果"):
        assert label in timeline
    assert "孟轲" in timeline  # the user who acted
    page.screenshot(path=str(shots / "06-case-township.png"), full_page=True)
    _logout(page)
    # 5. the finder sees the feedback; an unrelated township is refused
    _login(page, base, "岳村镇")
    resp = page.goto(f"{base}/cases/{number}")
    assert resp.status == 404 and "未找到该案件" in page.content()
    assert "浏览器测试" not in page.content()
    page.screenshot(path=str(shots / "07-refused-other-township.png"))
    _logout(page)
    # 6. the supervisor's statistics
    _login(page, base, "司法局")
    page.goto(f"{base}/stats")
    assert page.locator("svg.chart").count() == 1
    page.screenshot(path=str(shots / "08-stats.png"), full_page=False)
    page.close()


def test_new_pages(server, browser, shots, tmp_path):
    """Password change, the catalog change preview (an upload through htmx) and a supervisor's
    view of a case with a dispute, in the browser with locale zh-CN."""
    from router.files.locations import catalog_root
    from router.web.demo import POLICY_LOGIN
    assert Path("/usr/lib/chromium/locales/zh-CN.pak").exists(), \
        "chromium 没有中文界面资源，日期框和文件选择按钮会显示英文：apt-get install -y chromium-l10n"
    page = browser.new_page()
    base = server
    # 1. the policy officer previews a change of a delegation date
    _login(page, base, POLICY_LOGIN)
    page.goto(f"{base}/catalog/diff")
    text = (catalog_root(None) / "batches.yaml").read_text(encoding="utf-8")
    changed = tmp_path / "batches.yaml"
    changed.write_text(text.replace('effective: "2026-01-01"', 'effective: "2026-03-01"', 1), encoding="utf-8")
    page.set_input_files("input[name=files]", str(changed))
    page.fill("input[name=as_of]", "2025-12-01")
    page.click("button:has-text('比较')")
    page.wait_for_selector("#diff")
    body = page.locator("#preview").inner_text()
    assert "HN-2025-TOWNSHIPS" in body and "获得" in body and "须相互通报" in body
    assert page.url.endswith("/catalog/diff")
    page.screenshot(path=str(shots / "09-catalog-diff.png"), full_page=False)
    # 2. the same officer changes their password (the old one is required)
    page.click("header a.name")
    page.wait_for_url("**/account/password")
    page.fill("input[name=old]", "wrong-password-1")
    page.fill("input[name=new]", PASSWORD + "-new")
    page.fill("input[name=repeat]", PASSWORD + "-new")
    page.click("button:has-text('修改密码')")
    assert "原密码不正确" in page.locator("[role=alert]").inner_text()
    page.fill("input[name=old]", PASSWORD)
    page.fill("input[name=new]", PASSWORD + "-new")
    page.fill("input[name=repeat]", PASSWORD + "-new")
    page.click("button:has-text('修改密码')")
    page.wait_for_selector("text=密码已修改")
    page.screenshot(path=str(shots / "10-password.png"), full_page=False)
    _logout(page)
    # 3. 区政府 on a case whose dispute was put to it (四（五）)
    from datetime import datetime, timedelta

    from router.model.clock import CST
    from router.register.services import add_event, register_case
    at = lambda **d: (datetime.now(CST) - timedelta(**d)).strftime("%Y-%m-%dT%H:%M")  # noqa: E731
    reg = server.reg
    number = register_case(reg, {"text": "国道边上摆摊卖西瓜，占了半条道（争议演示）", "place": "孟轲乡",
                                 "reported_by": "华龙区交通运输局", "at": at(hours=30)}).number
    add_event(reg, number, "sent", by="华龙区交通运输局", at=at(hours=29))
    add_event(reg, number, "returned", by="孟轲乡人民政府", at=at(hours=20), reason="认为属于部门保留事项")
    add_event(reg, number, "disputed", by="华龙区交通运输局", at=at(hours=2), note="协商不成，提请区政府决定")
    from router.web.access import sync_parties
    sync_parties(reg.db)
    _login(page, base, "区政府办")
    page.goto(f"{base}/cases/{number}")
    section = page.locator("#supervision")
    assert "四（五）" in section.inner_text()
    page.screenshot(path=str(shots / "11-case-government.png"), full_page=True)
    page.close()


def _route(page, text: str, place: str, wait: str) -> str:
    page.fill("textarea[name=text]", text)
    page.fill("input[name=place]", place)
    page.click("button:has-text('判断管辖')")
    page.wait_for_selector(wait)
    return page.locator("#result").inner_text()


def test_a_clerk_picks_the_matter_when_none_is_decided(server, browser, shots):
    """Outside the catalog: no matter is decided; the clerk is told why, which body is likely
    competent (a marked guess) and may still pick one of the closest matters. A vague
    description: its family's question, answered by picking a matter, on the same page."""
    page = browser.new_page()
    _login(page, server, "交通运输局")
    page.click("nav a:has-text('路由案件')")
    body = _route(page, "工地上高空干活的工人不系安全带", "孟轲", "#result >> text=未选定事项")
    assert "目录中没有相符的事项" in body and "指引（推测，不是管辖决定）" in body
    assert page.locator("article.matter").count() == 0
    assert page.locator("#result .choice button.pick").count() >= 1     # the closest matters
    page.screenshot(path=str(shots / "03b-route-outside.png"), full_page=True)
    body = _route(page, "门口有人卖菜", "孟轲", "#result >> text=尚未确定事项")
    assert "--matter" not in body and "城市街道" in body         # the family's question
    page.screenshot(path=str(shots / "03c-route-choice.png"), full_page=True)
    page.click("#result button.pick:has-text('SR-05')")
    page.wait_for_selector("article.matter")
    assert "SR-05" in page.locator("article.matter").inner_text()
    page.close()


def test_a_question_about_an_act_says_who_deals_with_it(server, browser, shots):
    """A caller asks how an act is punished: no matter is decided (it is no report), and the page
    says which matter the act is and who deals with it at that place today."""
    page = browser.new_page()
    _login(page, server, "交通运输局")
    page.click("nav a:has-text('路由案件')")
    body = _route(page, "在楼梯间给电瓶车充电，罚多少钱", "孟轲", "#result >> text=这是咨询")
    assert page.locator("article.matter").count() == 0
    assert "XF-01" in body and "孟轲乡人民政府" in body and "推定" in body
    assert body.count("这是咨询") == 1          # the answer's headline, not repeated among the notes
    page.screenshot(path=str(shots / "03d-route-question.png"), full_page=True)
    page.close()
