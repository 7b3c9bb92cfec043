#!/usr/bin/python3
"""Walks the AT-SPI tree of a running Roster (what Orca reads): the main window, then each
dialog, opened through its menu entry or button as a user would and closed again, and prints
every actionable or focusable control without a name. Exit 1 when there is one, 2 when Roster is
not on the bus or a dialog did not open. Run in an English locale.
Usage: atspi-tree.py [--dump] [--wait SECONDS]"""
import sys
import time

import pyatspi
from gi.repository import GLib

ACTIONABLE = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE,
    pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_LIST, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_TOGGLE_BUTTON,
}
SKIP_CHILDREN = {pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_LIST}


def find_app(wait):
    deadline = time.time() + wait
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name and app.name.lower().startswith("roster"):
                return app
        time.sleep(0.5)
    return None


def walk(node, depth, out, dump):
    if node is None or depth > 40:
        return
    states = node.getState()
    if not states.contains(pyatspi.STATE_SHOWING):
        return
    role = node.getRole()
    name = (node.name or "").strip()
    if dump:
        print("  " * depth + f"{node.getRoleName()} \"{name}\"")
    focusable = states.contains(pyatspi.STATE_FOCUSABLE) and role not in (
        pyatspi.ROLE_TABLE_CELL, pyatspi.ROLE_FRAME, pyatspi.ROLE_DIALOG, pyatspi.ROLE_LIST_ITEM,
        pyatspi.ROLE_TABLE_COLUMN_HEADER, pyatspi.ROLE_TABLE_ROW_HEADER)
    if (role in ACTIONABLE or focusable) and not name:
        out.append(f"{node.getRoleName()} without a name (parent: {node.parent.getRoleName()} "
                   f"\"{node.parent.name}\")")
    if role in SKIP_CHILDREN:
        return
    for i in range(node.childCount):
        walk(node.getChildAtIndex(i), depth + 1, out, dump)


# (what opens it: role, name), the button that closes it, whether it is modal
DIALOGS = [
    ((pyatspi.ROLE_PUSH_BUTTON, "Edit profiles…"), "Cancel", True),
    ((pyatspi.ROLE_PUSH_BUTTON, "Export all…"), "Cancel", True),
    ((pyatspi.ROLE_MENU_ITEM, "Find in all profiles…"), "Close", False),
    ((pyatspi.ROLE_MENU_ITEM, "Access review…"), "Close", None),
    ((pyatspi.ROLE_MENU_ITEM, "About Roster"), "Close", True),
]


def find(node, role, name, depth=0):
    if node is None or depth > 40:
        return None
    if node.getRole() == role and (node.name or "").strip() == name:
        return node
    if node.getRole() in SKIP_CHILDREN:
        return None
    for i in range(node.childCount):
        hit = find(node.getChildAtIndex(i), role, name, depth + 1)
        if hit is not None:
            return hit
    return None


def press(node):
    action = node.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    if not names:
        return False
    index = next((i for i, n in enumerate(names) if n in ("Press", "press", "click")), 0)
    try:
        action.doAction(index)
    except GLib.Error:
        pass  # a modal dialog's exec() holds the reply back until it closes: it did open
    return True


def open_dialogs(app, problems, dump):
    main_window = app.getChildAtIndex(0)
    for (role, name), close, modal in DIALOGS:
        opener = find(main_window, role, name)
        if opener is None or not press(opener):
            problems.append(f"cannot open \"{name}\"")
            continue
        dialog = None
        deadline = time.time() + 10
        while time.time() < deadline and dialog is None:
            time.sleep(0.3)
            for i in range(app.childCount):
                w = app.getChildAtIndex(i)
                if w is not None and w.getRole() == pyatspi.ROLE_DIALOG:
                    dialog = w
        if dialog is None:
            problems.append(f"\"{name}\" opened no dialog")
            continue
        is_modal = dialog.getState().contains(pyatspi.STATE_MODAL)
        if dump:
            print(f"dialog \"{dialog.name}\" (from \"{name}\"){' modal' if is_modal else ''}")
        if modal is not None and is_modal != modal:
            problems.append(f"\"{dialog.name}\" says it is {'' if is_modal else 'not '}modal")
        walk(dialog, 1, problems, dump)
        button = find(dialog, pyatspi.ROLE_PUSH_BUTTON, close)
        if button is None or not press(button):
            problems.append(f"\"{dialog.name}\" has no \"{close}\" button")
        time.sleep(0.5)


def main():
    pyatspi.setTimeout(1500, 15000)  # a modal dialog answers the press only when it closes
    dump = "--dump" in sys.argv
    wait = float(sys.argv[sys.argv.index("--wait") + 1]) if "--wait" in sys.argv else 20
    app = find_app(wait)
    if app is None:
        print("atspi-tree: Roster is not on the accessibility bus", file=sys.stderr)
        return 2
    problems = []
    for i in range(app.childCount):
        walk(app.getChildAtIndex(i), 0, problems, dump)
    open_dialogs(app, problems, dump)
    for p in problems:
        print("atspi-tree: " + p)
    print(f"atspi-tree: the window and {len(DIALOGS)} dialogs of {app.name} walked, "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


sys.exit(main())
