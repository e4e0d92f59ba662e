"""The XML namespaces of EML_NL and helpers to build Clark-notation names (``{uri}local``).

Elements are always matched by namespace URI, never by prefix: producers differ in prefixes.
The prefixes here are only used when OSV writes a file (eml-nl.md §2).
"""

from __future__ import annotations

__all__ = ["DS", "EML", "KR", "NSMAP", "SB", "XAL", "XNL", "ds", "eml", "kr", "sb", "xal", "xnl"]

EML = "urn:oasis:names:tc:evs:schema:eml"
KR = "http://www.kiesraad.nl/extensions"
DS = "http://www.w3.org/2000/09/xmldsig#"
XNL = "urn:oasis:names:tc:ciq:xsdschema:xNL:2.0"
XAL = "urn:oasis:names:tc:ciq:xsdschema:xAL:2.0"
SB = "http://www.kiesraad.nl/sb-extensions"

#: Prefixes OSV writes, as the Kiesraad's own files use them.
NSMAP: dict[str | None, str] = {None: EML, "kr": KR, "ds": DS, "xnl": XNL, "xal": XAL}

#: Canonicalisation method the Kiesraad's software declares in 510 and 520 files.
C14N_WITH_COMMENTS = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments"


def eml(local: str) -> str:
    """Clark name of an element in the EML core namespace."""
    return f"{{{EML}}}{local}"


def kr(local: str) -> str:
    """Clark name of a Kiesraad extension element."""
    return f"{{{KR}}}{local}"


def ds(local: str) -> str:
    """Clark name of an XML-signature element."""
    return f"{{{DS}}}{local}"


def xnl(local: str) -> str:
    """Clark name of an xNL (person name) element."""
    return f"{{{XNL}}}{local}"


def xal(local: str) -> str:
    """Clark name of an xAL (address) element."""
    return f"{{{XAL}}}{local}"


def sb(local: str) -> str:
    """Clark name of a polling-station extension element (110b)."""
    return f"{{{SB}}}{local}"
