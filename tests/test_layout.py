"""Issue 11: the package's shape stays as the README draws it.

- no import cycle among the modules of router/ (and cli.py), counting top-level imports;
- no module imports another module's private name (`from router.x import _y`);
- router/ imports at the top of its files (only cli.py imports inside functions, for start-up
  time, as the README's structure section explains);
- the README's structure section has a line for every module of router/.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _modules() -> dict[str, Path]:
    out = {}
    for p in sorted((ROOT / "router").rglob("*.py")):
        if "migrations" in p.parts and "versions" in p.parts:
            continue   # Alembic revisions: loaded by Alembic, not imported
        parts = p.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = p
    out["cli"] = ROOT / "cli.py"
    return out


def _resolve(module: str, node: ast.ImportFrom, path: Path) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[:len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(mods: dict[str, Path]):
    """(module, imported module, names, where: top | typing | inside) for every import of a
    router module."""
    for name, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = {id(n): "top" for n in tree.body}
        for n in tree.body:   # `if TYPE_CHECKING:` imports: at the top, for the reader only
            if isinstance(n, ast.If) and "TYPE_CHECKING" in ast.unparse(n.test):
                top.update((id(x), "typing") for x in n.body)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                target = _resolve(name, node, path)
                names = [a.name for a in node.names]
            elif isinstance(node, ast.Import):
                target, names = node.names[0].name, []
            else:
                continue
            if target == "router" or target.startswith("router.") or target == "cli":
                yield name, target, names, top.get(id(node), "inside"), node.lineno


def test_no_import_cycle():
    mods = _modules()
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for name, target, names, where, _ in _imports(mods):
        if where != "top":
            continue
        for n in names or [""]:
            full = f"{target}.{n}" if n else target
            dep = full if full in mods else target
            if dep in mods and dep != name:
                graph[name].add(dep)
    seen: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        seen[m] = 1
        stack.append(m)
        for d in sorted(graph[m]):
            if seen.get(d) == 1:
                return stack[stack.index(d):] + [d]
            if d not in seen:
                found = visit(d)
                if found:
                    return found
        seen[m] = 2
        stack.pop()
        return None

    for m in sorted(graph):
        if m not in seen:
            cycle = visit(m)
            assert cycle is None, "import cycle: " + " → ".join(cycle)


def test_no_private_name_is_imported_from_another_module():
    bad = [f"{name}:{line} imports {target}.{n}"
           for name, target, names, _, line in _imports(_modules())
           for n in names if n.startswith("_") and not n.startswith("__")]
    assert not bad, bad


def test_router_imports_at_the_top_of_its_files():
    inside = [f"{name}:{line} imports {target}" for name, target, _, where, line in _imports(_modules())
              if where == "inside" and name != "cli"]
    assert not inside, inside


def test_the_readme_draws_every_module():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    drawn = set(re.findall(r"^  ([a-z_]+/(?:[a-z_]+/)?(?:[a-z_]+\.py)?)", readme, re.M))
    missing = []
    for name, path in _modules().items():
        if name == "cli" or path.name == "__init__.py":
            continue
        rel = path.relative_to(ROOT / "router").as_posix()
        folder = rel.rsplit("/", 1)[0] + "/"
        if rel not in drawn and not (folder in drawn and "migrations" in rel):
            missing.append(rel)
    assert not missing, f"README 的结构一节缺少这些模块：{missing}"
