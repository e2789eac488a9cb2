"""A register made before the web service (revision r0002) upgrades to r0003 on open; its cases
then become visible to the bodies they concern."""
from __future__ import annotations

from urllib.parse import quote

from alembic import command
from alembic.script import ScriptDirectory

from router.register.db import MIGRATIONS, Database, alembic_config, current_revision
from router.register.register import Register
from router.register.services import register_case
from router.web import auth
from router.web.app import create_app
from router.web.settings import WebSettings

from .conftest import PASSWORD, ago, login

HEAD = ScriptDirectory(str(MIGRATIONS)).get_current_head()


def test_register_of_the_previous_release_upgrades(tmp_path, router):
    db = str(tmp_path / "old.sqlite3")
    with Register(db, router=router, user="旧版") as reg:
        number = register_case(reg, {"text": "国道边上摆摊卖西瓜，占了半条道", "place": "孟轲乡",
                                     "reported_by": "华龙区交通运输局", "at": ago(days=1)}).number
        with reg.db.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "r0002")  # as the previous release left it
        assert current_revision(reg.db.engine) == "r0002"
    old = Database(db, migrate=False)
    assert current_revision(old.engine) == "r0002"
    old.close()
    reg = Register(db, router=router, user="web")
    try:
        assert current_revision(reg.db.engine) == HEAD  # r0003 (web) and every later revision
        auth.add_user(reg.db, router.catalog, "mk", body="孟轲乡", role="clerk", password=PASSWORD)
        auth.add_user(reg.db, router.catalog, "yc", body="岳村镇", role="clerk", password=PASSWORD)
        app = create_app(WebSettings(db=db, secret="m" * 40), register=reg)
        from fastapi.testclient import TestClient
        mk, yc = TestClient(app, base_url="http://127.0.0.1"), TestClient(app, base_url="http://127.0.0.1")
        login(mk, "mk")
        login(yc, "yc")
        assert mk.get(f"/cases/{quote(number)}").status_code == 200
        assert yc.get(f"/cases/{quote(number)}").status_code == 404
    finally:
        reg.close()
