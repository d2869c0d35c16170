"""The viewer never goes online and never runs what a file contains."""

import ipaddress
import os
import re
import shutil
import socket
import subprocess
import sys

import pytest
from conftest import REPO
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from viewer.app import create_main_window
from viewer.ui.letter.letter_view import SIGNATORIES_ANCHOR
from viewer.ui.signatories.signatory_model import COLUMN_INDEX

ACTIVE = [
    '<img src="http://127.0.0.1:{port}/x">',
    '<a href="file:///etc/passwd">passwords</a>',
    "<b>bold</b>",
    "<style>body {{ background: url(http://127.0.0.1:{port}/y) }}</style>",
]


@pytest.fixture
def listener():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.setblocking(False)
    yield server
    server.close()


def _connections(server) -> int:
    count = 0
    while True:
        try:
            conn, _ = server.accept()
        except BlockingIOError:
            return count
        conn.close()
        count += 1


def _show(qtbot, path):
    window = create_main_window(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.grab()  # paint everything once, as a user would see it
    QApplication.processEvents()
    return window


def _names(window) -> list[str]:
    model = window.table.model()
    name = COLUMN_INDEX["name"]
    return [model.index(r, name).data() for r in range(model.rowCount())]


def test_markup_in_a_letter_is_shown_literally_and_fetches_nothing(qtbot, tmp_path, listener):
    port = listener.getsockname()[1]
    lines = [line.format(port=port) for line in ACTIVE]
    body = "\n\n".join(lines)
    path = tmp_path / "active.txt"
    path.write_text(
        f"Dear Minister,\n\n{body}\n\nYours sincerely,\n\nJane Doe\n\nMP, Kenya\n", "utf-8"
    )
    window = _show(qtbot, path)
    text = window.letter_view.toPlainText()
    for line in lines:
        assert line in text
    document = window.letter_view.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            assert not fmt.isImageFormat()
            # the one link is the viewer's own "Signed by ..." line, which focuses the table
            assert not fmt.isAnchor() or fmt.anchorHref() == f"#{SIGNATORIES_ANCHOR}"
            it += 1
        block = block.next()
    assert _connections(listener) == 0


def test_markup_in_signatory_fields_is_shown_literally(qtbot, tmp_path, listener):
    port = listener.getsockname()[1]
    lines = [line.format(port=port) for line in ACTIVE]
    path = tmp_path / "active.csv"
    rows = "".join(f'"{line.replace(chr(34), chr(34) * 2)}",MP,Kenya\n' for line in lines)
    path.write_text("name,role,country\n" + rows, "utf-8")
    window = _show(qtbot, path)
    assert _names(window) == lines
    tip = window.table.model().index(0, COLUMN_INDEX["name"]).data(Qt.ItemDataRole.ToolTipRole)
    # the tooltip is rich text, so the name must arrive escaped: shown, never loaded
    assert "&lt;img src=" in tip and "<img" not in tip
    assert _connections(listener) == 0


def _internet_connects(trace: str) -> list[str]:
    """connect() calls in an strace log that go to a non-loopback IP address."""
    bad = []
    for line in trace.splitlines():
        if "connect(" not in line or "AF_UNIX" in line or "AF_NETLINK" in line:
            continue
        match = re.search(r'inet_(?:addr|pton)\((?:AF_INET6, )?"([^"]+)"', line)
        if match is None:
            bad.append(line)  # a connect we cannot read is treated as suspect
            continue
        address = ipaddress.ip_address(match.group(1))
        if not address.is_loopback:
            bad.append(line)
    return bad


def test_internet_connect_parser_flags_what_it_should():
    sample = (
        '12 connect(3, {sa_family=AF_UNIX, sun_path="/run/dbus"}, 20) = 0\n'
        "12 connect(4, {sa_family=AF_INET, sin_port=htons(80), "
        'sin_addr=inet_addr("93.184.216.34")}, 16) = 0\n'
        "12 connect(5, {sa_family=AF_INET, sin_port=htons(9), "
        'sin_addr=inet_addr("127.0.0.1")}, 16) = 0\n'
    )
    assert len(_internet_connects(sample)) == 1


@pytest.mark.slow
def test_smoke_test_under_strace_makes_no_internet_connection(tmp_path):
    strace = shutil.which("strace")
    if strace is None:
        if os.environ.get("CI"):
            pytest.fail("strace is missing on CI; .ci/run installs it")
        pytest.skip("strace is not installed (apt-get install strace)")
    log = tmp_path / "trace.log"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [strace, "-f", "-e", "trace=connect", "-o", str(log),
         sys.executable, "-m", "viewer", "--smoke-test"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "smoke-test ok" in proc.stdout
    assert _internet_connects(log.read_text()) == []
