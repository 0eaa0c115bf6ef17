# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    sales_due_to_buy_count = fields.Integer(
        string="Due to Buy", compute="_compute_sales_care_counts"
    )
    sales_care_overdue_count = fields.Integer(
        string="Care Overdue", compute="_compute_sales_care_counts"
    )

    def _compute_sales_care_counts(self):
        # counted with the reader's rules: a salesperson sees their own share
        members = self.member_ids
        due = self.env["sales.purchase.cycle"]._read_group(
            [("user_id", "in", members.ids), ("state", "in", ("due", "overdue"))],
            groupby=["user_id"],
            aggregates=["__count"],
        )
        overdue = self.env["res.partner"]._read_group(
            [
                ("user_id", "in", members.ids),
                ("is_company", "=", True),
                ("sales_care_overdue", "=", True),
            ],
            groupby=["user_id"],
            aggregates=["__count"],
        )
        due_by_user = dict(due)
        overdue_by_user = dict(overdue)
        for team in self:
            team.sales_due_to_buy_count = sum(
                due_by_user.get(user, 0) for user in team.member_ids
            )
            team.sales_care_overdue_count = sum(
                overdue_by_user.get(user, 0) for user in team.member_ids
            )

    def write(self, vals):
        res = super().write(vals)
        if "user_id" in vals:
            # the team manager's customer rule reads who leads which team
            self.env.registry.clear_cache()
        return res

    def action_open_sales_due_to_buy(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_model_crm.sales_purchase_cycle_action"
        )
        action["domain"] = [("user_id", "in", self.member_ids.ids)]
        return action

    def action_open_sales_care_overdue(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_model_crm.res_partner_action_sales_care_overdue"
        )
        action["domain"] = [
            ("is_company", "=", True),
            ("user_id", "in", self.member_ids.ids),
        ]
        action["context"] = {"search_default_sales_care_overdue": 1}
        return action
