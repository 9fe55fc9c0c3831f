"""Writing files so that nothing the user had is lost: atomically, through symbolic
links, appending to FIFOs and terminals, never over the files a command read.

Every writer of argmap (diagrams, the interactive page, the formats, the ICCMA files)
writes through :func:`write_atomically`; it lives here, in a module of its own, so that
none of them has to import another's module to reach it.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import re
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator

from argmap.errors import FormatError

__all__ = ["refuse_inputs", "write_atomically"]


def _new_file_mode() -> int:
    umask = os.umask(0)  # reading the umask means setting it: put it straight back
    os.umask(umask)
    return 0o666 & ~umask


_NEW_FILE_MODE = _new_file_mode()


def write_atomically(
    path: str | os.PathLike[str], content: bytes, *, inputs: Iterable[str | os.PathLike[str]] = ()
) -> None:
    """Write ``content`` to ``path`` as a plain ``open`` would, but never half-way and
    never over one of ``inputs`` (the files the content was made from).

    A regular file (new, or reached through a symbolic link, which stays a link) is
    written to a temporary file beside it, then renamed into place: a reader never
    sees half a file, a failure leaves the old one untouched and no temporary file
    behind. The file keeps its permissions (a new one gets the umask's, not the
    temporary file's 0600); a read-only one is refused. A FIFO, a character device
    (``/dev/null``, a terminal) or the name of an open file (``/dev/stdout``,
    ``/proc/self/fd/1``) is written through, appending, never truncated nor replaced
    (so ``>> log`` keeps the log); a folder, a block device or a socket is refused.
    Every refusal and failure is a :class:`~argmap.FormatError` naming the path.
    """
    target = pathlib.Path(path)
    refuse_inputs(target, inputs)
    descriptor = _own_descriptor(target)
    if descriptor is not None:
        _write_descriptor(target, descriptor, content)
        return
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as error:  # a symbolic link loop, a name too long, no permission...
        raise _unwritable(target, error) from None
    try:
        if info is None or (stat.S_ISREG(info.st_mode) and not _open_file_name(target)):
            _replace(_real(target, info), content, info)
        elif stat.S_ISDIR(info.st_mode):
            raise FormatError("is a folder: name a file to write", path=str(target))
        elif (
            stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)
        ):
            with open(target, "ab") as handle:
                handle.write(content)
        else:
            raise FormatError(
                "is a block device or a socket, not a file to write", path=str(target)
            )
    except OSError as error:
        raise _unwritable(target, error) from None


_OPEN_FILE_NAMES = ("/proc/", "/dev/fd/", "/dev/stdout", "/dev/stderr")
_DESCRIPTOR = re.compile(r"/proc/(self|thread-self|\d+)/fd/(\d+)|/dev/fd/(\d+)")


def _links(target: pathlib.Path) -> Iterator[str]:
    """``target``'s absolute path, then where each symbolic link in turn leads."""
    path = os.path.abspath(target)
    for _ in range(40):  # the kernel's own limit on a chain of links
        yield path
        try:
            link = os.readlink(path)
        except (OSError, ValueError):  # not a link (any more)
            return
        path = os.path.abspath(os.path.join(os.path.dirname(path), link))


def _open_file_name(target: pathlib.Path) -> bool:
    """Whether ``target`` is, or links to, the name of an already open file
    (``/proc/1234/fd/1``): replacing what that leads to would undo a redirection
    (and lose a ``>>`` log)."""
    return any(path.startswith(_OPEN_FILE_NAMES) for path in _links(target))


def _own_descriptor(target: pathlib.Path) -> int | None:
    """The file descriptor of this process that ``target`` names (``/dev/stdout``
    -> ``/proc/self/fd/1`` -> 1), if it names one."""
    for path in _links(target):
        match = _DESCRIPTOR.fullmatch(path)
        if match and match.group(1) in (None, "self", "thread-self", str(os.getpid())):
            return int(match.group(2) or match.group(3))
    return None


def _write_descriptor(target: pathlib.Path, descriptor: int, content: bytes) -> None:
    """Write ``content`` to the open ``descriptor`` itself (sharing its offset with
    whatever else writes there), after what Python's own streams hold for it."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, OSError, ValueError):
            if stream.fileno() == descriptor:
                stream.flush()
    view = memoryview(content)
    try:
        while view:
            view = view[os.write(descriptor, view) :]
    except BrokenPipeError:  # the reader has gone, as for print(): the caller's to judge
        raise
    except OSError as error:
        raise _unwritable(target, error) from None


def refuse_inputs(target: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Raise :class:`~argmap.FormatError` if ``target`` is, by any name or link, one of
    ``inputs``: a writer calls it before any work, so nothing read is ever lost."""
    for source in inputs:
        try:
            same = os.path.samefile(source, target)
        except (OSError, ValueError):  # one of them is not there: nothing to lose
            continue
        if same:
            raise FormatError(
                "refusing to overwrite the input file; choose another output",
                path=os.fspath(target),
            )


def _real(target: pathlib.Path, info: os.stat_result | None) -> pathlib.Path:
    """The file to replace for ``target``: itself, or where its symbolic links lead."""
    if not target.is_symlink():
        return target
    real = pathlib.Path(os.path.realpath(target))
    if info is not None and not (real.exists() and os.path.samestat(real.stat(), info)):
        raise FormatError("is a link that cannot be followed to a file", path=str(target))
    return real


def _replace(real: pathlib.Path, content: bytes, info: os.stat_result | None) -> None:
    """Write ``content`` beside ``real`` and rename it into place (see write_atomically)."""
    if info is not None and not os.access(real, os.W_OK):
        raise FormatError("is read-only: not overwritten", path=str(real))
    real.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{real.name[:100]}.", dir=real.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        os.chmod(temporary, info.st_mode & 0o7777 if info is not None else _NEW_FILE_MODE)
        os.replace(temporary, real)
    except BaseException:
        pathlib.Path(temporary).unlink(missing_ok=True)
        raise


def _unwritable(target: pathlib.Path, error: OSError) -> FormatError:
    reason = error.strerror or type(error).__name__
    return FormatError(f"cannot write the file: {reason}", path=str(target))
