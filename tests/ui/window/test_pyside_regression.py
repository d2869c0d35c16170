"""PySide6 6.12.0 on Python 3.11 drops a reference to None each time data() returns None.

After a few thousand calls the interpreter aborts (none_dealloc); we pin below 6.12 and
this test catches a version that brings the bug back.
"""

import sys

from PySide6.QtCore import QAbstractTableModel, QIdentityProxyModel, QModelIndex, Qt


class _NoneModel(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 10

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row()},{index.column()}"
        return None


def test_data_returning_none_keeps_none_refcount(qapp):
    model = _NoneModel()
    proxy = QIdentityProxyModel()  # calls go through C++, as a view's do
    proxy.setSourceModel(model)
    index = proxy.index(1, 1)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        assert proxy.data(index, Qt.ItemDataRole.ToolTipRole) is None
    after = sys.getrefcount(None)
    assert abs(after - before) < 100, (before, after)
    assert proxy.data(index, Qt.ItemDataRole.DisplayRole) == "1,1"
