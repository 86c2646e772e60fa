"""The two install paths agree: environment.yml (conda) names what pyproject.toml (pip) needs.

pyproject.toml is the source of truth. environment.yml lists each dependency once,
by its conda-forge name, or under ``pip:`` when conda-forge does not carry it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10: pytest depends on tomli there
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent

#: PyPI name -> conda-forge name, where they differ.
CONDA_NAMES = {"playwright": "playwright-python"}

#: Dependencies conda-forge does not carry: environment.yml installs them with pip.
PIP_ONLY = {"axe-playwright-python"}

_CONDA_SPEC = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)$")


def normalise(name: str) -> str:
    """PEP 503 normalisation: case and runs of ``-``, ``_``, ``.`` don't matter."""
    return re.sub(r"[-_.]+", "-", name).lower()


@pytest.fixture(scope="module")
def pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def environment() -> dict:
    return yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pip_requirements(pyproject) -> dict[str, Requirement]:
    """Runtime and test requirements from pyproject.toml, by normalised name."""
    project = pyproject["project"]
    requirements = [Requirement(r) for r in project["dependencies"]]
    requirements += [Requirement(r) for r in project["optional-dependencies"]["test"]]
    names = [normalise(r.name) for r in requirements]
    assert len(names) == len(set(names)), "pyproject.toml names a dependency twice"
    return {normalise(r.name): r for r in requirements}


def _conda_specs(environment) -> dict[str, str]:
    specs = {}
    for entry in environment["dependencies"]:
        if isinstance(entry, str):
            name, spec = _CONDA_SPEC.match(entry).groups()
            assert normalise(name) not in specs, f"environment.yml lists {name} twice"
            specs[normalise(name)] = spec.strip()
    return specs


def _pip_entries(environment) -> list[str]:
    sections = [e["pip"] for e in environment["dependencies"] if isinstance(e, dict)]
    assert len(sections) == 1, "environment.yml needs exactly one pip: section"
    return sections[0]


def test_environment_is_named_and_uses_conda_forge_only(environment):
    assert environment["name"] == "infoview"
    assert environment["channels"] == ["conda-forge"]


def test_python_version_matches_requires_python(environment, pyproject):
    specs = _conda_specs(environment)
    assert SpecifierSet(specs["python"]) == SpecifierSet(pyproject["project"]["requires-python"])
    assert "pip" in specs, "conda must install pip for the pip: section"


def test_conda_and_pip_name_the_same_dependencies(environment, pip_requirements):
    conda = set(_conda_specs(environment)) - {"python", "pip"}
    pip_listed = {normalise(Requirement(e).name) for e in _pip_entries(environment)
                  if not e.startswith("-")}
    to_conda = {normalise(k): normalise(v) for k, v in CONDA_NAMES.items()}
    expected_conda = {to_conda.get(n, n) for n in pip_requirements if n not in PIP_ONLY}

    assert conda == expected_conda, (
        f"only in environment.yml: {sorted(conda - expected_conda)}; "
        f"only in pyproject.toml: {sorted(expected_conda - conda)}"
    )
    assert pip_listed == {normalise(n) for n in PIP_ONLY}
    assert not conda & pip_listed, "a dependency is installed by both conda and pip"


def test_version_bounds_agree(environment, pip_requirements):
    conda = _conda_specs(environment)
    from_conda = {normalise(v): normalise(k) for k, v in CONDA_NAMES.items()}
    for conda_name, spec in conda.items():
        name = from_conda.get(conda_name, conda_name)
        if name in pip_requirements and spec:
            assert SpecifierSet(spec) == pip_requirements[name].specifier, name
    for entry in _pip_entries(environment):
        if not entry.startswith("-"):
            requirement = Requirement(entry)
            assert requirement.specifier == pip_requirements[normalise(requirement.name)].specifier


def test_pip_section_installs_the_kit_with_its_test_extra(environment):
    assert '-e ".[test]"' in _pip_entries(environment) or "-e .[test]" in _pip_entries(
        environment
    )


def test_pip_only_and_renamed_packages_are_real_dependencies(pip_requirements):
    for name in [*PIP_ONLY, *CONDA_NAMES]:
        assert normalise(name) in pip_requirements, f"{name} is no longer in pyproject.toml"
