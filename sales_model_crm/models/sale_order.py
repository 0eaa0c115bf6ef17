# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .sales_plan import PROPOSAL_STATES

# the order fields a plan's proposal counts read: changing them recounts plans
ORDER_FIELDS = frozenset({"state", "date_order", "user_id", "team_id", "company_id"})


class SaleOrder(models.Model):
    _inherit = "sale.order"

    sales_agent_id = fields.Many2one(
        "res.partner",
        string="Agent",
        compute="_compute_sales_agent_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        tracking=True,
        help="The agent this sale counts for: by default the customer's agent.",
    )

    @api.depends("partner_id")
    def _compute_sales_agent_id(self):
        for order in self:
            order.sales_agent_id = order.partner_id.commercial_partner_id.sales_agent_id

    def action_confirm(self):
        res = super().action_confirm()
        # the next purchase cycle starts from this order, not tomorrow night
        engine = self.env["sales.purchase.cycle.engine"]
        for company in self.company_id:
            orders = self.filtered(
                lambda order, company=company: order.company_id == company
            )
            engine._recompute_cycles(
                company, partners=orders.partner_id.commercial_partner_id
            )
        return res

    def _prepare_invoice(self):
        values = super()._prepare_invoice()
        values["sales_agent_id"] = self.sales_agent_id.id
        return values

    def _sales_plan_lines(self):
        return self.env["sales.plan.line"]._lines_for_sources(
            self.user_id, self.team_id, self.mapped("date_order"), kinds=["proposal"]
        )

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        # a new quotation is a draft: it counts once sent or confirmed
        orders.filtered(
            lambda order: order.state in PROPOSAL_STATES
        )._sales_plan_lines()._mark_done_stale()
        return orders

    def write(self, vals):
        if not ORDER_FIELDS & set(vals):
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

    # --- proactive customer care

    sales_return_visit_planned = fields.Boolean(
        string="Return Visit Planned",
        copy=False,
        readonly=True,
        help="The return visit (回访) after this order is scheduled.",
    )

    # --- collection plans (回款计划)

    sales_collection_plan_ids = fields.One2many(
        "sales.collection.plan", "order_id", string="Collection Plans"
    )
    sales_collection_plan_count = fields.Integer(
        compute="_compute_sales_collection_plan_count"
    )

    @api.depends("sales_collection_plan_ids")
    def _compute_sales_collection_plan_count(self):
        for order in self:
            order.sales_collection_plan_count = len(order.sales_collection_plan_ids)

    def action_sales_collection_plan(self):
        """Open the order's collection plan, creating it on first use."""
        self.ensure_one()
        plan = self.sales_collection_plan_ids[:1]
        if not plan:
            plan = self.env["sales.collection.plan"].create({"order_id": self.id})
            if self.payment_term_id:
                plan.action_generate_installments()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sales.collection.plan",
            "res_id": plan.id,
            "view_mode": "form",
        }
