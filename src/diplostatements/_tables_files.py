"""Parquet sets on disk: a directory of three Parquet files and a small metadata file.

::

    dir/
      diplostatements.json    {"format": "diplostatements-tables", "version": 1}
      actors.parquet
      affiliations.parquet
      claims.parquet

Reading checks the metadata file (when there is one: a set written by another tool may have
none) and reads the files; :func:`diplostatements.tables.validate` checks what they hold.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Final

import pyarrow as pa
import pyarrow.parquet as pq

from ._problems import FileFieldError
from ._tables_schema import NAMES, VERSION
from .exceptions import ValidationError
from .io import FileError

__all__ = [
    "METADATA_FILE",
    "TABLES_FORMAT",
    "file_error",
    "read_json",
    "read_set",
    "set_files",
    "write_metadata",
    "write_set",
]

METADATA_FILE: Final = "diplostatements.json"
"""The name of the metadata file in a set's directory."""

TABLES_FORMAT: Final = "diplostatements-tables"
"""The value of ``"format"`` in the metadata file."""


def file_error(error: OSError, name: object) -> FileError:
    """An OSError as the library's FileError, naming the file."""
    filename = os.fspath(name) if isinstance(name, str | os.PathLike) else error.filename
    return FileError(error.errno, error.strerror or str(error), filename)


def _unreadable(path: Path, what: str, error: Exception) -> FileError:
    reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    return FileError(None, f"not {what} ({reason})", os.fspath(path))


def write_metadata(directory: Path) -> None:
    """Write the metadata file of a set (its format and version)."""
    text = json.dumps({"format": TABLES_FORMAT, "version": VERSION}) + "\n"
    try:
        (directory / METADATA_FILE).write_text(text, encoding="utf-8")
    except OSError as error:
        raise file_error(error, directory / METADATA_FILE) from error


def read_json(path: Path) -> Any:
    """The JSON value of a small file, or a FileError saying what is wrong with it."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise file_error(error, path) from error
    except UnicodeDecodeError as error:
        raise _unreadable(path, "UTF-8 text", error) from error
    try:
        return json.loads(text)
    except ValueError as error:
        raise _unreadable(path, "JSON", error) from error


def check_metadata(directory: Path) -> None:
    """Check the set's metadata file, if it has one: its format, and a version we read."""
    path = directory / METADATA_FILE
    if not path.exists():
        return
    value = read_json(path)
    problems = []
    where = os.fspath(path)
    if not isinstance(value, dict):
        problems.append(FileFieldError(f"{where}: $", "a JSON object", value))
    else:
        form, version = value.get("format"), value.get("version")
        if form != TABLES_FORMAT:
            problems.append(FileFieldError(f"{where}: $.format", f'"{TABLES_FORMAT}"', form))
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            expected = (
                f"{VERSION} (this version of diplostatements reads tables of version {VERSION}"
                " and older; upgrade it to read newer tables)"
            )
            problems.append(FileFieldError(f"{where}: $.version", expected, version))
        elif version != VERSION or isinstance(version, bool):
            problems.append(FileFieldError(f"{where}: $.version", str(VERSION), version))
    if problems:
        raise ValidationError(f"{directory} is not a valid diplostatements table set", problems)


def set_files(path: str | os.PathLike[str]) -> tuple[Path, dict[str, Path]]:
    """The directory of a set and its three files, from the directory or one of its files.

    A path to a Parquet file is read as the claims table, with the ``actors.parquet`` and
    ``affiliations.parquet`` beside it.
    """
    given = Path(path)
    if given.is_dir():
        directory = given
        files = {name: directory / f"{name}.parquet" for name in NAMES}
    else:
        directory = given.parent
        files = {name: directory / f"{name}.parquet" for name in NAMES}
        files["claims"] = given
    return directory, files


def _read_table(path: Path, *, required: bool, name: str) -> pa.Table:
    if not path.exists() and not required:
        return None
    try:
        return pq.read_table(path)
    except (OSError, pa.ArrowException) as error:
        if not path.exists():
            raise FileError(
                2, f"no such file (a table set needs its {name} table)", os.fspath(path)
            ) from error
        if isinstance(error, pa.ArrowException):
            raise _unreadable(path, "a Parquet file", error) from error
        raise file_error(error, path) from error


def read_set(path: str | os.PathLike[str]) -> tuple[Path, dict[str, pa.Table | None]]:
    """Read the three tables of a set (affiliations may be missing: None)."""
    directory, files = set_files(path)
    check_metadata(directory)
    tables = {
        name: _read_table(file, required=name != "affiliations", name=name)
        for name, file in files.items()
    }
    return directory, tables


def write_set(tables: tuple[pa.Table, pa.Table, pa.Table], path: str | os.PathLike[str]) -> None:
    """Write the three tables and the metadata file into the directory ``path``."""
    directory = Path(path)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise file_error(error, directory) from error
    for name, table in zip(NAMES, tables, strict=True):
        target = directory / f"{name}.parquet"
        try:
            pq.write_table(table, target)
        except OSError as error:
            raise file_error(error, target) from error
    write_metadata(directory)
