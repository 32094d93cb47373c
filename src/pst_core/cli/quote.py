"""``pst-core quote --schedule FILE PRODUCT=QTY ...``: price a request and decide Rp0.

Prints the schedule used (and a warning when it is illustrative), one row per
product with quantity, unit price and amount (banded lines broken down per
band), the subtotal, the Rp0 decision with its reasons and the documents still
required, the PNBP total, and the payer-borne costs apart.
"""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TextIO

from pst_core.errors import InvalidValueError
from pst_core.tariffs.money import format_rupiah
from pst_core.tariffs.quote import PayerCost, Quote, quote
from pst_core.tariffs.schedule import load_schedules
from pst_core.tariffs.zero_rate import Document, Purpose, RequesterCategory

NAME = "quote"
HELP = "price products under a PNBP tariff schedule file and decide Rp0"


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
        choices=[c.value for c in RequesterCategory],
        help="requester category, to decide Rp0 (with --purpose)",
    )
    parser.add_argument(
        "--purpose", choices=[p.value for p in Purpose], help="purpose, to decide Rp0"
    )
    parser.add_argument(
        "--provided",
        action="append",
        default=[],
        choices=[d.value for d in Document],
        help="a Rp0 document already handed in (repeatable)",
    )
    parser.add_argument(
        "--at", type=_day, default=None, metavar="DATE", help="quote date, YYYY-MM-DD (today)"
    )
    parser.add_argument("--shipping", metavar="RP", help="shipping cost, borne by the payer")
    parser.add_argument("--bank-fee", metavar="RP", help="bank fee, borne by the payer")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _line(text: str) -> tuple[str, int]:
    code, sep, quantity = text.rpartition("=")
    if not sep or not code or not quantity.strip().isdigit():
        raise InvalidValueError(
            "PRODUCT=QTY", text, "a product code, '=' and a whole quantity, e.g. pub-print=120"
        )
    return code, int(quantity)


def _rupiah(option: str, text: str) -> Decimal:
    try:
        return Decimal(text.replace("_", ""))
    except InvalidOperation:
        raise InvalidValueError(option, text, "a whole number of rupiah, e.g. 25000") from None


def _costs(args: argparse.Namespace) -> list[PayerCost]:
    costs = []
    if args.shipping is not None:
        costs.append(PayerCost("shipping", _rupiah("--shipping", args.shipping)))
    if args.bank_fee is not None:
        costs.append(PayerCost("bank_fee", _rupiah("--bank-fee", args.bank_fee)))
    return costs


def render(result: Quote) -> str:
    """The quote as plain text: a table of lines, the Rp0 decision, payer costs apart.

    Examples:
        >>> from datetime import date
        >>> from pst_core.tariffs import load_schedule, quote
        >>> schedule = load_schedule("examples/illustrative_schedule.toml")
        >>> print(render(quote({"pub-pdf": 3}, schedule, at=date(2026, 3, 17))))
        ILLUSTRATIVE SCHEDULE: these amounts are examples, not official tariffs
        schedule:    Illustrative PST tariff schedule (NOT OFFICIAL)
        ...
        product  PNBP type                  quantity  unit  unit price  amount
        pub-pdf  b. electronic publication         3  page       Rp500  Rp1.500
        subtotal (PNBP at tariff)                                      Rp1.500
        Rp0: not asked (give --requester and --purpose)
        PNBP total                                                     Rp1.500
        <BLANKLINE>
        payer-borne costs (not PNBP, paid by the requester):
          none given
        <BLANKLINE>
    """
    schedule = result.schedule
    out: list[str] = []
    if schedule.illustrative:
        out.append("ILLUSTRATIVE SCHEDULE: these amounts are examples, not official tariffs")
    out.append(f"schedule:    {schedule.title}")
    out.append(f"legal basis: {schedule.legal_basis}")
    out.append(f"in force:    {schedule.period}")
    out.append(f"quote date:  {result.at.isoformat()}")
    out.append("")
    rows = [("product", "PNBP type", "quantity", "unit", "unit price", "amount")]
    for line in result.lines:
        price = format_rupiah(line.unit_price)
        rows.append(
            (
                line.code,
                f"{line.pnbp_type.letter}. {line.pnbp_type.label}",
                str(line.quantity),
                line.unit.label,
                f"avg {price}" if line.charges else price,
                format_rupiah(line.amount),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(6)]
    total_width = sum(widths) + 2 * 5
    for index, row in enumerate(rows):
        cells = [
            cell.rjust(widths[i]) if i in (2, 4, 5) else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        out.append("  ".join(cells).rstrip())
        if index:
            for charge in result.lines[index - 1].charges:
                out.append(
                    f"    band {charge.first}-{charge.last}: {charge.quantity} x "
                    f"{format_rupiah(charge.price)} = {format_rupiah(charge.amount)}"
                )

    def total(label: str, amount: Decimal) -> str:
        text = format_rupiah(amount)
        return label + " " * max(2, total_width - len(label) - len(text)) + text

    out.append(total("subtotal (PNBP at tariff)", result.subtotal))
    decision = result.zero_rate
    if decision is None:
        out.append("Rp0: not asked (give --requester and --purpose)")
    else:
        out.append(f"Rp0: {'eligible' if decision.eligible else 'not eligible'}")
        out.extend(f"  - {reason}" for reason in decision.reasons)
        if decision.eligible:
            if decision.missing_documents:
                out.append("  the tariff applies until these documents are provided:")
                out.extend(f"    - {d.label}" for d in decision.missing_documents)
            else:
                out.append("  all required documents provided")
    out.append(total("PNBP total", result.pnbp_total))
    out.append("")
    out.append("payer-borne costs (not PNBP, paid by the requester):")
    if not result.payer_costs:
        out.append("  none given")
    for cost in result.payer_costs:
        label = cost.kind.replace("_", " ") + (f" ({cost.description})" if cost.description else "")
        out.append(total(f"  {label}", cost.amount))
    if result.payer_costs:
        out.append(total("  total payer-borne", result.payer_costs_total))
    return "\n".join(out) + "\n"


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Load the schedules, price the lines on ``--at`` and print the quote."""
    result = quote(
        [_line(text) for text in args.lines],
        load_schedules(args.schedule),
        at=args.at or date.today(),
        requester=args.requester,
        purpose=args.purpose,
        provided=args.provided,
        payer_costs=_costs(args),
    )
    out.write(render(result))
    return 0
