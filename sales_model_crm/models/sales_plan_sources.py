# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The documents a plan's done counts come from tell the plans they changed.

A plan line counts logged interactions and sent quotations of its owner in its
period (``sales.plan.line._count_done``); these are other documents than the
plan, so their changes mark the concerned lines for recomputation.
"""

from odoo import api, models

# the fields of the sources a done count reads (is_effective follows from
# kind, duration and outcome, or is ticked by hand)
ACTIVITY_FIELDS = frozenset(
    {"kind", "date", "user_id", "team_id", "company_id"}
    | {"outcome", "duration", "is_effective"}
)


class SalesActivity(models.Model):
    _inherit = "sales.activity"

    def _sales_plan_lines(self):
        return self.env["sales.plan.line"]._lines_for_sources(
            self.user_id, self.team_id, self.mapped("date")
        )

    @api.model_create_multi
    def create(self, vals_list):
        activities = super().create(vals_list)
        activities._sales_plan_lines()._mark_done_stale()
        return activities

    def write(self, vals):
        if not ACTIVITY_FIELDS & set(vals):
            return super().write(vals)
        before = self._sales_plan_lines()
        res = super().write(vals)
        (before | self._sales_plan_lines())._mark_done_stale()
        return res

    def unlink(self):
        lines = self._sales_plan_lines()
        res = super().unlink()
        lines.exists()._mark_done_stale()
        return res
