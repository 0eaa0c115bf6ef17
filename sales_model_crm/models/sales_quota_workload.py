# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .sales_quota import TIERS


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
        string="Working Days",
        help="Working days in the period; empty takes them from the owner's "
        "working calendar.",
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
    )
    def _compute_workload(self):
        for quota in self:
            for tier in TIERS:
                load = quota._workload(tier)
                suffix = "" if tier == "target" else f"_{tier}"
                quota[f"workload_deals{suffix}"] = load["deals"]
                quota[f"workload_prospects{suffix}"] = load["prospects"]
                quota[f"workload_calls{suffix}"] = load["calls"]
                quota[f"workload_daily_calls{suffix}"] = load["daily_calls"]

    def _workload_ratios(self):
        """The ratios of the decomposition: the quota's own where set."""
        self.ensure_one()
        return {
            "avg_deal_size": self.avg_deal_size,
            "prospects_per_deal": self.prospects_per_deal,
            "calls_per_prospect": self.calls_per_prospect,
            "working_days": self.working_days or self.working_days_total,
        }

    def _workload(self, tier="target"):
        """The reverse funnel of one tier, each step rounded up."""
        self.ensure_one()
        ratios = self._workload_ratios()
        amount = self[tier]
        if self.basis == "won_deals":
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
