# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

YEAR_MIN = 2000
YEAR_MAX = 2100
# the cycles the wizard generates, largest first, with the name of their type
CYCLE_TYPE_NAMES = {
    "year": _lt("Year"),
    "quarter": _lt("Quarter"),
    "month": _lt("Month"),
    "week": _lt("Week"),
}


def _year_periods(year):
    return [(str(year), date(year, 1, 1), date(year, 12, 31))]


def _quarter_periods(year):
    periods = []
    for quarter in range(1, 5):
        start = date(year, 3 * quarter - 2, 1)
        end = _month_end(year, 3 * quarter)
        periods.append((f"{year}-Q{quarter}", start, end))
    return periods


def _month_periods(year):
    return [
        (f"{year}-{month:02d}", date(year, month, 1), _month_end(year, month))
        for month in range(1, 13)
    ]


def _week_periods(year):
    """The ISO weeks of the ISO year ``year``, Monday to Sunday, not clipped.

    Week 1 is the week holding January 4th, so it may start in December of
    the year before, and the last week may end in January of the year after:
    every week keeps its seven days and its ISO number, and two years'
    weeks never overlap. 28 December is always in the last ISO week.
    """
    weeks = date(year, 12, 28).isocalendar().week
    periods = []
    for week in range(1, weeks + 1):
        start = date.fromisocalendar(year, week, 1)
        periods.append((f"{year}-W{week:02d}", start, start + timedelta(days=6)))
    return periods


def _month_end(year, month):
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


PERIOD_BUILDERS = {
    "year": _year_periods,
    "quarter": _quarter_periods,
    "month": _month_periods,
    "week": _week_periods,
}


class SalesPeriodGenerate(models.TransientModel):
    """Generate a year's assessment periods of the chosen cycles at once.

    One period type per cycle is reused (or created), and every period of the
    year is created unless one of that type already has the same dates: the
    wizard can run twice without creating anything twice.
    """

    _name = "sales.period.generate"
    _description = "Generate Assessment Periods"

    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    cycle_week = fields.Boolean(
        string="Weeks",
        help="ISO weeks, Monday to Sunday, named 2027-W05. Week 1 holds 4 "
        "January, so the first and last weeks may reach into the "
        "neighbouring years: weeks are not cut at the year's edges.",
    )
    cycle_month = fields.Boolean(string="Months", default=True)
    cycle_quarter = fields.Boolean(string="Quarters", default=True)
    cycle_year = fields.Boolean(string="Whole Year", default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.companies.ids)],
    )

    @api.constrains("year")
    def _check_year(self):
        for wizard in self:
            wizard._validate_year()

    def _validate_year(self):
        if not YEAR_MIN <= self.year <= YEAR_MAX:
            raise ValidationError(
                _(
                    "Periods are generated for years from %(first)s to %(last)s, "
                    "not %(year)s.",
                    first=YEAR_MIN,
                    last=YEAR_MAX,
                    year=self.year,
                )
            )

    def _selected_cycles(self):
        self.ensure_one()
        return [cycle for cycle in CYCLE_TYPE_NAMES if self[f"cycle_{cycle}"]]

    def action_generate(self):
        self.ensure_one()
        self._validate_year()
        cycles = self._selected_cycles()
        if not cycles:
            raise UserError(
                _("Choose at least one cycle: weeks, months, quarters or the year.")
            )
        # every cycle is checked before anything is written: a clash in the
        # months leaves the quarters uncreated too
        plans = []
        for cycle in cycles:
            period_type = self._find_period_type(cycle)
            wanted = PERIOD_BUILDERS[cycle](self.year)
            plans.append((cycle, period_type, *self._plan_ranges(period_type, wanted)))
        DateRange = self.env["date.range"]
        ranges = DateRange
        for cycle, period_type, kept, to_create in plans:
            period_type = self._ensure_period_type(cycle, period_type)
            ranges |= kept | DateRange.create(
                [dict(values, type_id=period_type.id) for values in to_create]
            )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_model_crm.date_range_action_sales"
        )
        action["domain"] = [("id", "in", ranges.ids)]
        return action

    def _type_name(self, cycle, lang="en_US"):
        return self.env(context=dict(self.env.context, lang=lang))._(
            CYCLE_TYPE_NAMES[cycle]
        )

    def _find_period_type(self, cycle):
        """The company's period type of ``cycle``, or one of its name to adopt.

        A type of that name made by hand (say "Month") is adopted rather than
        duplicated: type names are unique per company. Nothing is written.
        """
        DateRangeType = self.env["date.range.type"].with_context(lang="en_US")
        period_type = DateRangeType.search(
            [
                ("sales_cycle", "=", cycle),
                ("company_id", "in", [self.company_id.id, False]),
            ],
            order="company_id, id",
            limit=1,
        )
        if period_type:
            return period_type
        period_type = DateRangeType.search(
            [
                ("name", "=", self._type_name(cycle)),
                ("company_id", "=", self.company_id.id),
            ],
            limit=1,
        )
        if period_type.sales_cycle:
            raise UserError(
                _(
                    "The period type %(type)s is already used for another "
                    "assessment cycle: rename it first.",
                    type=period_type.display_name,
                )
            )
        return period_type

    def _ensure_period_type(self, cycle, period_type):
        """Adopt ``period_type`` for ``cycle``, or create the cycle's type."""
        if period_type:
            if not period_type.sales_cycle:
                period_type.sales_cycle = cycle
            return period_type
        period_type = (
            self.env["date.range.type"]
            .with_context(lang="en_US")
            .create(
                {
                    "name": self._type_name(cycle),
                    "sales_cycle": cycle,
                    "allow_overlap": False,
                    "company_id": self.company_id.id,
                }
            )
        )
        for lang, __ in self.env["res.lang"].get_installed():
            if lang != "en_US":
                period_type.with_context(lang=lang).name = self._type_name(cycle, lang)
        return period_type

    def _plan_ranges(self, period_type, wanted):
        """The type's ranges of the year to keep, and the values to create.

        A range of the type with the same dates is kept, whatever its name;
        one that overlaps a wanted range or takes its name stops the run.
        """
        DateRange = self.env["date.range"].with_context(active_test=False)
        to_create = [
            {
                "name": name,
                "date_start": start,
                "date_end": end,
                "company_id": self.company_id.id,
            }
            for name, start, end in wanted
        ]
        if not period_type:
            return DateRange, to_create
        existing = DateRange.search(
            [
                ("type_id", "=", period_type.id),
                ("company_id", "in", [self.company_id.id, False]),
                "|",
                "&",
                ("date_start", "<=", max(end for __, __, end in wanted)),
                ("date_end", ">=", min(start for __, start, __ in wanted)),
                ("name", "in", [name for name, __, __ in wanted]),
            ]
        )
        by_dates = {(rng.date_start, rng.date_end): rng for rng in existing}
        kept = DateRange
        missing = []
        for values in to_create:
            start, end = values["date_start"], values["date_end"]
            if (start, end) in by_dates:
                kept |= by_dates[(start, end)]
                continue
            clash = existing.filtered(
                lambda rng, start=start, end=end, name=values["name"]: (
                    rng.name == name
                    or (
                        rng.active
                        and not period_type.allow_overlap
                        and rng.date_start <= end
                        and rng.date_end >= start
                    )
                )
            )[:1]
            if clash:
                raise UserError(
                    _(
                        "%(name)s (%(start)s to %(end)s) cannot be created: the "
                        "period type %(type)s already has %(other)s (%(other_start)s "
                        "to %(other_end)s). Fix or archive that period first.",
                        name=values["name"],
                        start=start,
                        end=end,
                        type=period_type.display_name,
                        other=clash.name,
                        other_start=clash.date_start,
                        other_end=clash.date_end,
                    )
                )
            missing.append(values)
        return kept, missing
