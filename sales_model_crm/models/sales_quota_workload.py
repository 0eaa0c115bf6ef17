# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .sales_quota import COUNT_BASES, TIERS

# ratio on the quota -> (the team's field, the company's field)
RATIO_FALLBACKS = {
    "avg_deal_size": ("quota_avg_deal_size", "sales_quota_avg_deal_size"),
    "prospects_per_deal": (
        "quota_prospects_per_deal",
        "sales_quota_prospects_per_deal",
    ),
    "calls_per_prospect": (
        "quota_calls_per_prospect",
        "sales_quota_calls_per_prospect",
    ),
}


class SalesQuota(models.Model):
    """Quota decomposition (任务分解), the reverse funnel down to daily work.

    amount -> deals (at the average deal size) -> prospects (per deal) ->
    calls (per prospect) -> effective calls per working day. Rounding is up:
    nobody makes 4.3 deals.
    """

    _inherit = "sales.quota"

    avg_deal_size = fields.Monetary(
        string="Average Deal Size",
        currency_field="currency_id",
        help="The amount one won deal brings.",
    )
    prospects_per_deal = fields.Float(
        string="Prospects per Deal", help="How many prospects make one deal."
    )
    calls_per_prospect = fields.Float(
        string="Calls per Prospect",
        help="How many effective calls or visits one prospect takes.",
    )
    working_days = fields.Integer(
        help="Working days in the period; empty takes them from the owner's "
        "working calendar.",
    )
    # the ratios the decomposition uses: the quota's, else its team's, else
    # the company's; the source says which
    workload_avg_deal_size = fields.Monetary(
        string="Average Deal Size Used",
        currency_field="currency_id",
        compute="_compute_workload",
    )
    workload_prospects_per_deal = fields.Float(
        string="Prospects per Deal Used", compute="_compute_workload"
    )
    workload_calls_per_prospect = fields.Float(
        string="Calls per Prospect Used", compute="_compute_workload"
    )
    workload_working_days = fields.Integer(
        string="Working Days Used", compute="_compute_workload"
    )
    workload_ratio_source = fields.Char(
        string="Ratios From",
        compute="_compute_workload",
        help="Where each ratio of the decomposition comes from: the quota, its "
        "sales team or the company.",
    )
    workload_deals = fields.Integer(
        string="Deals (Target)", compute="_compute_workload"
    )
    workload_prospects = fields.Integer(
        string="Prospects (Target)", compute="_compute_workload"
    )
    workload_calls = fields.Integer(
        string="Calls (Target)", compute="_compute_workload"
    )
    workload_daily_calls = fields.Integer(
        string="Effective Calls per Day (Target)", compute="_compute_workload"
    )
    workload_deals_minimum = fields.Integer(
        string="Deals (Minimum)", compute="_compute_workload"
    )
    workload_prospects_minimum = fields.Integer(
        string="Prospects (Minimum)", compute="_compute_workload"
    )
    workload_calls_minimum = fields.Integer(
        string="Calls (Minimum)", compute="_compute_workload"
    )
    workload_daily_calls_minimum = fields.Integer(
        string="Effective Calls per Day (Minimum)", compute="_compute_workload"
    )
    workload_deals_stretch = fields.Integer(
        string="Deals (Stretch)", compute="_compute_workload"
    )
    workload_prospects_stretch = fields.Integer(
        string="Prospects (Stretch)", compute="_compute_workload"
    )
    workload_calls_stretch = fields.Integer(
        string="Calls (Stretch)", compute="_compute_workload"
    )
    workload_daily_calls_stretch = fields.Integer(
        string="Effective Calls per Day (Stretch)", compute="_compute_workload"
    )

    @api.constrains(
        "avg_deal_size", "prospects_per_deal", "calls_per_prospect", "working_days"
    )
    def _check_workload_ratios(self):
        for quota in self:
            if (
                quota.avg_deal_size < 0
                or quota.prospects_per_deal < 0
                or quota.calls_per_prospect < 0
                or quota.working_days < 0
            ):
                raise ValidationError(
                    _("Decomposition ratios and working days cannot be negative.")
                )
            if quota.working_days > 366:
                raise ValidationError(_("A period has at most 366 working days."))

    @api.depends(
        "minimum",
        "target",
        "stretch",
        "basis",
        "avg_deal_size",
        "prospects_per_deal",
        "calls_per_prospect",
        "working_days",
        "working_days_total",
        "team_id.quota_avg_deal_size",
        "team_id.quota_prospects_per_deal",
        "team_id.quota_calls_per_prospect",
        "company_id.sales_quota_avg_deal_size",
        "company_id.sales_quota_prospects_per_deal",
        "company_id.sales_quota_calls_per_prospect",
    )
    def _compute_workload(self):
        # no query per quota: teams and companies are read in one prefetch
        source_labels = self._workload_source_labels()
        for quota in self:
            ratios = quota._workload_ratios()
            quota.workload_avg_deal_size = ratios["avg_deal_size"]
            quota.workload_prospects_per_deal = ratios["prospects_per_deal"]
            quota.workload_calls_per_prospect = ratios["calls_per_prospect"]
            quota.workload_working_days = ratios["working_days"]
            quota.workload_ratio_source = _(
                "Deal size: %(deal)s; prospects per deal: %(prospects)s; calls "
                "per prospect: %(calls)s",
                deal=source_labels[ratios["sources"]["avg_deal_size"]],
                prospects=source_labels[ratios["sources"]["prospects_per_deal"]],
                calls=source_labels[ratios["sources"]["calls_per_prospect"]],
            )
            for tier in TIERS:
                load = quota._workload(tier, ratios=ratios)
                suffix = "" if tier == "target" else f"_{tier}"
                quota[f"workload_deals{suffix}"] = load["deals"]
                quota[f"workload_prospects{suffix}"] = load["prospects"]
                quota[f"workload_calls{suffix}"] = load["calls"]
                quota[f"workload_daily_calls{suffix}"] = load["daily_calls"]

    def _workload_source_labels(self):
        return {
            "quota": _("quota"),
            "team": _("sales team"),
            "company": _("company"),
        }

    def _workload_ratios(self):
        """The ratios of the decomposition and where each comes from.

        Each ratio is the quota's own where set, else its sales team's, else
        the company's default. ``sources`` maps each ratio to "quota", "team"
        or "company".
        """
        self.ensure_one()
        ratios = {}
        sources = {}
        for name, (team_field, company_field) in RATIO_FALLBACKS.items():
            candidates = (
                ("quota", self[name]),
                ("team", self.team_id[team_field] if self.team_id else 0.0),
                ("company", self.company_id[company_field]),
            )
            source, value = next(
                ((source, value) for source, value in candidates if value > 0),
                ("company", 0.0),
            )
            ratios[name] = value
            sources[name] = source
        ratios["working_days"] = self.working_days or self.working_days_total
        ratios["sources"] = sources
        return ratios

    def _workload(self, tier="target", ratios=None):
        """The reverse funnel of one tier, each step rounded up."""
        self.ensure_one()
        if ratios is None:
            ratios = self._workload_ratios()
        amount = self[tier]
        if self.basis in COUNT_BASES:
            # a count of won deals or new customers: each one is a deal
            deals = math.ceil(amount - 1e-9)
        elif ratios["avg_deal_size"] > 0:
            deals = math.ceil(amount / ratios["avg_deal_size"] - 1e-9)
        else:
            deals = 0
        prospects = math.ceil(deals * ratios["prospects_per_deal"] - 1e-9)
        calls = math.ceil(prospects * ratios["calls_per_prospect"] - 1e-9)
        days = ratios["working_days"]
        daily_calls = math.ceil(calls / days - 1e-9) if days else 0
        return dict(
            ratios,
            amount=amount,
            deals=max(deals, 0),
            prospects=max(prospects, 0),
            calls=max(calls, 0),
            daily_calls=max(daily_calls, 0),
        )
