"""Mutation testing of one app's services and selectors with that app's tests (slow; not in CI).

    uv run python bench/mutation.py centres                       # services.py and selectors.py
    uv run python bench/mutation.py partnerships --modules services --tests tests/partnerships
    uv run python bench/mutation.py centres --operators rules     # only "delete one rule"
    uv run python bench/mutation.py centres --list                # count the mutants, run nothing

Mutants come from two sources:

- ``rules``: each rule deleted on its own, as the issue did by hand: every ``if ...: raise``
  guard made false, every operand of an ``or`` in such a guard dropped, every call to a guard
  helper (``_require_*``, ``*_check_*``, ``full_clean``) removed;
- ``cosmic-ray``: Cosmic Ray's operators (``cosmic_ray.mutating.mutate_code``) restricted to the
  ones that change a decision: conditions negated or ``not`` dropped, comparisons swapped,
  ``and``/``or`` exchanged, ``True``/``False`` swapped, numbers moved by one, loops emptied,
  exceptions replaced. Arithmetic-operator swaps are left out (hundreds of mutants, almost all of
  them on ``*``-unpacking and ``%`` string formatting, killed by any import).

Cosmic Ray's own runner starts the test command once per mutant; Django builds its test database
each time (a minute per mutant on 2 busy cores). This script runs pytest once instead: it
collects the tests, runs them unmutated (they must pass), then for each mutant swaps the code of
the module's functions in place (``function.__code__``, so every caller sees the mutant, views
and admin included), runs the tests until one fails (killed) or all pass (survived), and puts the
code back. The test database is built once. A test running longer than ``--timeout`` seconds
kills the mutant (an endless loop).

It prints, per module, the mutants killed out of the total (the score) and every survivor with
its line, for a test to be written or an explanation of why it is equivalent.
"""

from __future__ import annotations

import argparse
import ast
import builtins
import copy
import importlib
import inspect
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType, FunctionType, ModuleType

ROOT = Path(__file__).resolve().parent.parent

COSMIC_RAY_OPERATORS = (
    "core/AddNot",
    "core/ReplaceUnaryOperator_Delete_Not",
    "core/ReplaceComparisonOperator_",
    "core/ReplaceAndWithOr",
    "core/ReplaceOrWithAnd",
    "core/ReplaceTrueWithFalse",
    "core/ReplaceFalseWithTrue",
    "core/NumberReplacer",
    "core/ZeroIterationForLoop",
    "core/ExceptionReplacer",
)
# Comparison swaps that change a rule's meaning at its boundary or direction; "is"/"is not" in
# place of "==" on strings and numbers is left out (always a different object, never a test).
COMPARISON_SWAPS = ("Eq_NotEq", "NotEq_Eq", "Lt_LtE", "LtE_Lt", "Gt_GtE", "GtE_Gt", "Lt_GtE", "GtE_Lt",
                    "LtE_Gt", "Gt_LtE", "Is_IsNot", "IsNot_Is", "In_NotIn", "NotIn_In")


@dataclass
class Mutant:
    module: str
    operator: str
    line: int
    description: str
    code: CodeType
    outcome: str = ""
    killed_by: str = ""
    seconds: float = 0.0


@dataclass
class ModuleResult:
    name: str
    mutants: list[Mutant] = field(default_factory=list)

    @property
    def killed(self) -> int:
        return sum(1 for m in self.mutants if m.outcome in ("killed", "timeout"))


# --- Generating the mutants ---------------------------------------------------------------------


def _raises(body: list[ast.stmt]) -> bool:
    return any(isinstance(node, ast.Raise) for node in body)


def _is_guard_call(node: ast.stmt) -> str | None:
    if not isinstance(node, ast.Expr) or not isinstance(node.value, ast.Call):
        return None
    func = node.value.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    if name.startswith("_require") or "_check_" in name or name in ("full_clean", "_full_clean",
                                                                   "_validate", "_validate_agreement"):
        return name
    return None


def rule_mutants(source: str, filename: str, module: str) -> list[Mutant]:
    """Each rule deleted on its own: the guard made false, an ``or`` operand dropped, a guard
    helper not called."""
    tree = ast.parse(source, filename)
    walked = list(ast.walk(tree))
    targets: list[tuple[str, int, str]] = []
    for position, node in enumerate(walked):
        if isinstance(node, ast.If) and _raises(node.body):
            targets.append(("guard", position, f"guard `if {ast.unparse(node.test)[:70]}` deleted"))
            if isinstance(node.test, ast.BoolOp) and isinstance(node.test.op, ast.Or):
                for index, operand in enumerate(node.test.values):
                    dropped = f"`{ast.unparse(operand)[:60]}` dropped from guard"
                    targets.append((f"or:{index}", position, dropped))
        name = _is_guard_call(node) if isinstance(node, ast.stmt) else None
        if name:
            targets.append(("call", position, f"call to {name}() deleted"))
    mutants = []
    for kind, position, description in targets:
        mutated = copy.deepcopy(tree)
        # deepcopy keeps the walk order: the node at the same position is the copy of the target.
        node = list(ast.walk(mutated))[position]
        if kind == "guard":
            node.test = ast.copy_location(ast.Constant(False), node.test)
        elif kind.startswith("or:"):
            values = [v for i, v in enumerate(node.test.values) if i != int(kind[3:])]
            node.test = values[0] if len(values) == 1 else ast.BoolOp(op=ast.Or(), values=values)
        else:
            node.value = ast.copy_location(ast.Constant(None), node.value)
        ast.fix_missing_locations(mutated)
        mutants.append(Mutant(module, "rules", node.lineno, description, compile(mutated, filename, "exec")))
    return mutants


def cosmic_ray_mutants(source: str, filename: str, module: str) -> list[Mutant]:
    import cosmic_ray.plugins
    from cosmic_ray.mutating import mutate_code

    mutants = []
    original_lines = source.splitlines()
    for name in cosmic_ray.plugins.operator_names():
        if not name.startswith(COSMIC_RAY_OPERATORS):
            continue
        if name.startswith("core/ReplaceComparisonOperator_") and not name.endswith(COMPARISON_SWAPS):
            continue
        operator = cosmic_ray.plugins.get_operator(name)()
        occurrence = 0
        while (mutated := mutate_code(source, operator, occurrence)) is not None:
            occurrence += 1
            lines = mutated.splitlines()
            pairs = enumerate(zip(original_lines, lines, strict=False))
            line = next((i + 1 for i, (a, b) in pairs if a != b), 0)
            try:
                code = compile(mutated, filename, "exec")
            except SyntaxError:
                continue
            changed = lines[line - 1].strip() if line else ""
            mutants.append(Mutant(module, name.removeprefix("core/"), line, changed[:90], code))
    return mutants


# --- Swapping code in the live module -----------------------------------------------------------


def _functions(namespace: dict, module_name: str) -> dict[str, FunctionType]:
    """The module's own functions, and the methods of its own classes, by qualified name."""
    found: dict[str, FunctionType] = {}
    for name, value in namespace.items():
        if isinstance(value, type) and value.__module__ == module_name:
            for attribute, member in vars(value).items():
                target = getattr(member, "__func__", member)
                if inspect.isfunction(target):
                    found[f"{name}.{attribute}"] = target
        elif callable(value) and getattr(value, "__module__", None) == module_name:
            target = inspect.unwrap(value)
            if inspect.isfunction(target):
                found[name] = target
    return found


class Swap:
    """Run a mutant's module code in a scratch namespace, then give the live module's functions
    the mutant's code (and its changed constants) until ``restore``."""

    def __init__(self, module: ModuleType, code: CodeType):
        namespace = {"__name__": module.__name__, "__file__": module.__file__, "__builtins__": builtins,
                     "__package__": module.__package__}
        exec(code, namespace)  # noqa: S102 - the module's own source, mutated
        self.saved_code: list[tuple[FunctionType, CodeType]] = []
        self.saved_values: list[tuple[str, object]] = []
        live = _functions(vars(module), module.__name__)
        for name, function in _functions(namespace, module.__name__).items():
            target = live.get(name)
            if target is None or target.__code__.co_freevars != function.__code__.co_freevars:
                continue
            self.saved_code.append((target, target.__code__))
            target.__code__ = function.__code__
        for name, value in namespace.items():
            if isinstance(value, int | str | tuple | frozenset) and name in vars(module) \
                    and not name.startswith("__") and vars(module)[name] != value:
                self.saved_values.append((name, vars(module)[name]))
                setattr(module, name, value)
        self.module = module

    def restore(self) -> None:
        for function, code in self.saved_code:
            function.__code__ = code
        for name, value in self.saved_values:
            setattr(self.module, name, value)


# --- Running the tests in one pytest session ----------------------------------------------------


class _Timeout(BaseException):
    """A BaseException, so that no ``except Exception`` in the mutated code swallows it."""


def _alarm(signum, frame):
    # Once more in 15 s, should the mutated code swallow this one; ``_run`` cancels it after the test.
    signal.setitimer(signal.ITIMER_REAL, 15)
    raise _Timeout("the test ran past the mutation timeout")


class MutationPlugin:
    def __init__(self, modules: list[str], operators: str, timeout: int, list_only: bool):
        self.module_names = modules
        self.operators = operators
        self.timeout = timeout
        self.list_only = list_only
        self.results: list[ModuleResult] = []
        self.baseline_failed: list[str] = []
        self.durations: dict[str, float] = {}
        self.baseline_reports: list[str] = []
        self.killers: list[str] = []

    def _mutants(self, module: ModuleType) -> list[Mutant]:
        path = Path(module.__file__)
        source = path.read_text(encoding="utf-8")
        mutants = []
        if self.operators in ("rules", "all"):
            mutants += rule_mutants(source, str(path), module.__name__)
        if self.operators in ("cosmic-ray", "all"):
            mutants += cosmic_ray_mutants(source, str(path), module.__name__)
        return mutants

    def _run(self, session, items, stop_at_first_failure: bool) -> tuple[bool, str, bool]:
        """Run the items; return (every one passed, first failing test, timed out)."""
        from _pytest.runner import runtestprotocol

        session._setupstate.teardown_exact(items[0])
        for index, item in enumerate(items):
            nextitem = items[index + 1] if index + 1 < len(items) else items[0]
            started = time.monotonic()
            # The unmutated run builds the test database in its first test: no alarm there.
            if stop_at_first_failure:
                seconds = min(max(self.timeout, 10 * self.durations.get(item.nodeid, 0)), 3 * self.timeout)
                signal.setitimer(signal.ITIMER_REAL, seconds)
            try:
                reports = runtestprotocol(item, log=False, nextitem=nextitem)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            self.durations.setdefault(item.nodeid, time.monotonic() - started)
            failed = [r for r in reports if r.failed]
            if failed:
                timed_out = any("mutation timeout" in str(r.longrepr) for r in failed)
                if stop_at_first_failure:
                    session._setupstate.teardown_exact(items[0])
                    return False, item.nodeid, timed_out
                self.baseline_failed.append(item.nodeid)
                self.baseline_reports.extend(str(r.longrepr)[-3000:] for r in failed)
        return not self.baseline_failed, "", False

    def _order(self, items):
        """The tests that killed earlier mutants first (the last killer first), then the fastest."""
        by_id = {item.nodeid: item for item in items}
        first = [by_id[nodeid] for nodeid in self.killers]
        rest = sorted((item for item in items if item.nodeid not in self.killers),
                      key=lambda item: self.durations.get(item.nodeid, 0))
        return first + rest

    def pytest_runtestloop(self, session):
        import pytest

        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        items = list(session.items)
        signal.signal(signal.SIGALRM, _alarm)
        modules = [importlib.import_module(name) for name in self.module_names]
        per_module = [(module, self._mutants(module)) for module in modules]
        for module, mutants in per_module:
            reporter.write_line(f"{module.__name__}: {len(mutants)} mutants")
        if self.list_only:
            for _module, mutants in per_module:
                for mutant in mutants:
                    reporter.write_line(
                        f"  {mutant.module}:{mutant.line} {mutant.operator} {mutant.description}")
            return True
        started = time.monotonic()
        self._run(session, items, stop_at_first_failure=False)
        reporter.write_line(f"unmutated run: {len(items)} tests, {time.monotonic() - started:.0f} s, "
                            f"{len(self.baseline_failed)} failed")
        if self.baseline_failed:
            for nodeid in self.baseline_failed:
                reporter.write_line(f"  FAILED unmutated: {nodeid}")
            for text in self.baseline_reports:
                reporter.write_line(text)
            raise pytest.UsageError("the tests must pass before mutating")
        for module, mutants in per_module:
            result = ModuleResult(module.__name__)
            self.results.append(result)
            for number, mutant in enumerate(mutants, 1):
                started = time.monotonic()
                try:
                    swap = Swap(module, mutant.code)
                except Exception as exc:  # noqa: BLE001 - a mutant that cannot even load is killed
                    mutant.outcome, mutant.killed_by = "killed", f"import: {exc.__class__.__name__}"
                else:
                    try:
                        passed, failing, timed_out = self._run(session, self._order(items),
                                                               stop_at_first_failure=True)
                        if failing:
                            self.killers = [failing, *(k for k in self.killers if k != failing)]
                    finally:
                        swap.restore()
                    mutant.outcome = "survived" if passed else ("timeout" if timed_out else "killed")
                    mutant.killed_by = failing
                mutant.seconds = time.monotonic() - started
                result.mutants.append(mutant)
                reporter.write_line(f"[{number}/{len(mutants)}] {mutant.outcome:8} "
                                    f"{mutant.module}:{mutant.line} "
                                    f"{mutant.operator}: {mutant.description} ({mutant.seconds:.1f} s)")
        session._setupstate.teardown_exact(None)
        return True

    def pytest_terminal_summary(self, terminalreporter):
        if not self.results:
            return
        write = terminalreporter.write_line
        write("")
        write("Mutation score per module (killed / mutants)")
        for result in self.results:
            total = len(result.mutants)
            by_operator: dict[str, list[int]] = {}
            for mutant in result.mutants:
                family = "rules" if mutant.operator == "rules" else "cosmic-ray"
                counts = by_operator.setdefault(family, [0, 0])
                counts[0] += mutant.outcome in ("killed", "timeout")
                counts[1] += 1
            detail = ", ".join(f"{family} {k}/{n}" for family, (k, n) in sorted(by_operator.items()))
            score = 100 * result.killed / total if total else 100.0
            write(f"  {result.name}: {result.killed}/{total} = {score:.1f} %  ({detail})")
        survivors = [m for result in self.results for m in result.mutants if m.outcome == "survived"]
        if survivors:
            write("")
            write(f"Survivors ({len(survivors)}): write a test, or explain why the mutant is equivalent")
            for mutant in survivors:
                write(f"  {mutant.module}:{mutant.line} {mutant.operator}: {mutant.description}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("app", help="centres, board, dtlab, partnerships or alliance.reports")
    parser.add_argument("--modules", default="services,selectors",
                        help="comma-separated modules of the app (default: services,selectors)")
    parser.add_argument("--tests", nargs="*", help="test paths (default: tests/<app>)")
    parser.add_argument("--operators", choices=["rules", "cosmic-ray", "all"], default="all")
    parser.add_argument("--timeout", type=int, default=60, help="seconds per test before a mutant counts as "
                                                                "killed by timeout (default 60)")
    parser.add_argument("--list", action="store_true", help="count and list the mutants, run no test")
    parser.add_argument("-k", default=None, help="pytest -k expression to choose the tests")
    args = parser.parse_args(argv)

    import os

    import pytest

    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    modules = []
    for name in args.modules.split(","):
        dotted = f"{args.app}.{name.strip()}"
        if (ROOT / Path(*dotted.split("."))).with_suffix(".py").exists():
            modules.append(dotted)
    tests = args.tests or [f"tests/{args.app.split('.')[-1]}"]
    plugin = MutationPlugin(modules, args.operators, args.timeout, args.list)
    pytest_args = [*tests, "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "--tb=native",
                   "-m", "not browser and not services",
                   "-W", "ignore::DeprecationWarning"]
    if args.k:
        pytest_args += ["-k", args.k]
    code = pytest.main(pytest_args, plugins=[plugin])
    return 0 if code in (0, 5) else int(code)


if __name__ == "__main__":
    sys.exit(main())
