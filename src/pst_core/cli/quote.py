"""``pst-core quote --schedule FILE PRODUCT=QTY ...``: price a request and decide Rp0.

Prints the schedule used (and a warning when it is illustrative), one row per
product with quantity, unit price and amount (banded lines broken down per
band), the subtotal, the Rp0 decision with its reasons and the documents still
required, the PNBP total, and the payer-borne costs apart: `Quote.describe`, in
Indonesian or English. Amounts typed on the command line (``--shipping``,
``--bank-fee``) are read by `parse_rupiah`: ``30.000`` is thirty thousand rupiah.
"""

from __future__ import annotations

import argparse
import typing
from datetime import date, datetime
from decimal import Decimal
from typing import TextIO
from zoneinfo import ZoneInfo

from pst_core._validation import require_ascii_digits
from pst_core.cli._output import language_of
from pst_core.errors import InvalidValueError, Phrase
from pst_core.i18n import Language
from pst_core.tariffs.money import parse_rupiah
from pst_core.tariffs.pricing import PayerCost, Quote, quote
from pst_core.tariffs.schedule import TariffSchedule, TariffSchedules
from pst_core.tariffs.zero_rating import Purpose, RequesterCategory, ZeroRateDocument

NAME = "quote"

# Without --at, the quote is for today's date at BPS headquarters (WIB).
_TODAY_ZONE = ZoneInfo("Asia/Jakarta")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``quote``."""
    parser.add_argument(
        "lines",
        nargs="+",
        metavar="PRODUCT=QTY",
        help="a product code of the schedule and a whole quantity, e.g. pub-print=120",
    )
    parser.add_argument(
        "--schedule",
        action="append",
        required=True,
        metavar="FILE",
        help="tariff schedule file (.toml or .json); repeat for several periods",
    )
    parser.add_argument(
        "--requester",
        choices=typing.get_args(RequesterCategory),
        help="requester category, to decide Rp0 (with --purpose)",
    )
    parser.add_argument(
        "--purpose", choices=typing.get_args(Purpose), help="purpose, to decide Rp0"
    )
    parser.add_argument(
        "--provided",
        action="append",
        default=[],
        choices=typing.get_args(ZeroRateDocument),
        help="a Rp0 document already handed in (repeatable)",
    )
    parser.add_argument(
        "--at", type=_day, default=None, metavar="DATE", help="quote date, YYYY-MM-DD (today, WIB)"
    )
    parser.add_argument(
        "--shipping",
        metavar="RP",
        help="shipping cost borne by the payer, whole rupiah: 30000, 30.000 or Rp30.000",
    )
    parser.add_argument(
        "--bank-fee",
        metavar="RP",
        help="bank fee borne by the payer, whole rupiah: 6500, 6.500 or Rp6.500",
    )


def _day(text: str) -> date:
    """``--at``: a date (argparse reports the error, said by the catalogue)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidValueError("--at", text, Phrase("cli.allowed.date")) from None


_QUANTITY_DIGITS = 24


def _line(text: str) -> tuple[str, int]:
    code, sep, quantity = text.rpartition("=")
    digits = require_ascii_digits(quantity, "PRODUCT=QTY").strip()
    if not sep or not code or not (digits.isascii() and digits.isdigit()):
        raise InvalidValueError("PRODUCT=QTY", text, Phrase("cli.allowed.product_line"))
    if len(digits) > _QUANTITY_DIGITS:
        allowed = Phrase("cli.allowed.quantity_digits", digits=_QUANTITY_DIGITS)
        raise InvalidValueError("PRODUCT=QTY", text, allowed)
    return code, int(digits)


def _cost(text: str, option: str) -> Decimal:
    """A payer-borne cost typed after ``option``: whole rupiah, zero or more."""
    amount = parse_rupiah(text, option)
    if amount < 0:  # said in the option's terms, not the model's (PayerCost.amount)
        raise InvalidValueError(option, text, Phrase("cli.allowed.cost_not_negative"))
    return amount


def _costs(args: argparse.Namespace) -> list[PayerCost]:
    costs = []
    if args.shipping is not None:
        costs.append(PayerCost("shipping", _cost(args.shipping, "--shipping")))
    if args.bank_fee is not None:
        costs.append(PayerCost("bank_fee", _cost(args.bank_fee, "--bank-fee")))
    return costs


def render(result: Quote, language: Language = "en") -> str:
    """The quote as printed by ``pst-core quote``, in ``language`` (``"id"`` or ``"en"``).

    Examples:
        >>> from pst_core.tariffs import illustrative_schedule, quote
        >>> print(render(quote({"pub-pdf": 3}, illustrative_schedule(), at=date(2026, 3, 17))))
        ILLUSTRATIVE SCHEDULE: these amounts are examples, not official tariffs
        schedule:    Illustrative PST tariff schedule (NOT OFFICIAL)
        ...
        product  PNBP type                  quantity  unit  unit price  amount
        pub-pdf  b. electronic publication         3  page       Rp500  Rp1.500
        subtotal (PNBP at tariff)                                      Rp1.500
        Rp0: not asked (no requester and purpose given)
        PNBP total                                                     Rp1.500
        <BLANKLINE>
        payer-borne costs (not PNBP, paid by the requester):
          none given
        <BLANKLINE>
    """
    return result.describe(language) + "\n"


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Load the schedules, price the lines on ``--at`` and print the quote.

    The language is the command line's ``--lang`` (see `pst_core.cli.main`).
    """
    schedules = TariffSchedules(tuple(TariffSchedule.load(path) for path in args.schedule))
    costs = _costs(args)
    result = quote(
        [_line(text) for text in args.lines],
        schedules,
        at=args.at or datetime.now(_TODAY_ZONE).date(),
        requester=args.requester,
        purpose=args.purpose,
        provided=args.provided,
        payer_costs=costs,
    )
    out.write(render(result, language_of(args)))
    return 0
