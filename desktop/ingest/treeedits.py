"""Edits of a parsed tree that keep its text: an element replaced, removed or unwrapped, the text
that followed it kept in place."""

from __future__ import annotations

from desktop.ingest.elements import Element


def replace(old: Element, new: Element) -> None:
    """Put ``new`` in ``old``'s place, keeping the text that followed ``old``."""
    parent = old.getparent()
    if parent is None:
        return
    new.tail = old.tail
    parent.replace(old, new)


def remove(element: Element) -> None:
    """Take an element out, keeping the text that followed it."""
    replace_with_text(element, "")


def replace_with_text(element: Element, text: str) -> None:
    """Put text in an element's place (nothing when empty), keeping what followed it."""
    parent = element.getparent()
    if parent is None:
        return
    joined = text + (element.tail or "")
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + joined
    else:
        parent.text = (parent.text or "") + joined
    parent.remove(element)


def unwrap(element: Element) -> None:
    """Put an element's children and text in its place."""
    parent = element.getparent()
    children = list(element)
    if parent is None or not children:
        replace_with_text(element, element.text or "")
        return
    index = parent.index(element)
    lead = element.text or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + lead
    else:
        parent.text = (parent.text or "") + lead
    children[-1].tail = (children[-1].tail or "") + (element.tail or "")
    parent.remove(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
