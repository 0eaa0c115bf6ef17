# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

CYCLE_STATES = [
    ("planned", "Supplied"),
    ("due", "Due to Buy"),
    ("overdue", "Overdue"),
    ("at_risk", "At Risk"),
    ("none", "No Purchase"),
]


class SalesPurchaseCycle(models.Model):
    """What a customer buys in cycles, and when they should buy it next.

    One record per customer (commercial partner) and product. The prediction
    fields are written by the purchase-cycle engine
    (``sales.purchase.cycle.engine``) in batch; people only set the customer's
    own days of supply per unit, which overrides the product's.
    """

    _name = "sales.purchase.cycle"
    _description = "Purchase Cycle"
    _inherit = ["mail.thread"]
    _order = "expected_date, id"
    _rec_name = "product_id"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('is_company', '=', True)]",
        check_company=True,
    )
    product_id = fields.Many2one(
        "product.product",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    user_id = fields.Many2one(
        related="partner_id.user_id",
        store=True,
        index=True,
        string="Salesperson",
    )
    days_per_unit_override = fields.Float(
        string="Customer's Days per Unit",
        digits=(16, 2),
        tracking=True,
        help="How long one unit lasts this customer, when it differs from the "
        "product's days of supply (a school drinks a bucket in a day, a "
        "family in a week). 0 uses the product's.",
    )
    product_days_per_unit = fields.Float(
        related="product_id.product_tmpl_id.sales_days_per_unit",
        string="Product's Days per Unit",
    )
    order_count = fields.Integer(string="Orders", readonly=True)
    first_order_date = fields.Date(readonly=True)
    last_order_date = fields.Date(readonly=True)
    last_order_id = fields.Many2one("sale.order", readonly=True, index="btree_not_null")
    last_quantity = fields.Float(
        string="Quantity Covered",
        digits="Product Unit of Measure",
        readonly=True,
        help="What the last purchase covers: the quantity ordered that day, less "
        "what was returned or refunded.",
    )
    observed_days_per_unit = fields.Float(
        digits=(16, 2),
        readonly=True,
        help="How long a unit lasted this customer so far: days between the "
        "first and the last purchase over the units bought before the last one.",
    )
    supply_days = fields.Float(
        string="Supply (days)",
        digits=(16, 1),
        readonly=True,
        help="How long the last purchase lasts: quantity covered x days per "
        "unit, blended with the customer's observed days per unit from the "
        "third order on.",
    )
    expected_date = fields.Date(string="Expected Purchase", readonly=True, index=True)
    reminder_date = fields.Date(readonly=True, index=True)
    confidence = fields.Integer(
        string="Confidence (%)",
        readonly=True,
        aggregator="avg",
        help="How far the expected date can be trusted: low with one or two "
        "orders, higher with every regular order, lower for irregular buyers.",
    )
    confidence_level = fields.Selection(
        [("low", "Low"), ("medium", "Moderate"), ("high", "High")],
        readonly=True,
    )
    missed_cycles = fields.Integer(readonly=True)
    state = fields.Selection(
        CYCLE_STATES, default="none", required=True, readonly=True, index=True
    )
    reminded_order_id = fields.Many2one(
        "sale.order",
        readonly=True,
        help="The order whose cycle was reminded: one reminder per cycle.",
    )
    reminder_activity_id = fields.Many2one(
        "mail.activity", readonly=True, ondelete="set null"
    )
    reminded_on = fields.Date(readonly=True)

    _sql_constraints = [
        (
            "partner_product_company_uniq",
            "UNIQUE(partner_id, product_id, company_id)",
            "A customer has one purchase cycle per product.",
        ),
        (
            "days_per_unit_override_positive",
            "CHECK(days_per_unit_override >= 0)",
            "The customer's days per unit cannot be negative.",
        ),
    ]

    @api.depends("partner_id", "product_id")
    def _compute_display_name(self):
        for cycle in self:
            cycle.display_name = _(
                "%(customer)s: %(product)s",
                customer=cycle.partner_id.display_name,
                product=cycle.product_id.display_name,
            )

    @api.constrains("partner_id")
    def _check_partner_id(self):
        for cycle in self:
            if cycle.partner_id != cycle.partner_id.commercial_partner_id:
                raise ValidationError(
                    _("Purchase cycles belong to the customer company, not a contact.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        cycles = super().create(vals_list)
        cycles._recompute()
        return cycles

    def write(self, vals):
        res = super().write(vals)
        if "days_per_unit_override" in vals:
            self._recompute()
        return res

    def _recompute(self):
        if self:
            self.env["sales.purchase.cycle.engine"]._recompute_cycles(
                self.company_id, partners=self.partner_id
            )

    def action_log_call(self):
        """Log the refill call as a visit record; it closes the reminder."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Log the Refill Call"),
            "res_model": "sales.activity",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_partner_id": self.partner_id.id,
                "default_kind": "call",
                "default_purchase_cycle_id": self.id,
                "default_name": _(
                    "Refill call: %(product)s", product=self.product_id.display_name
                ),
            },
        }

    def action_new_quotation(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("New Quotation"),
            "res_model": "sale.order",
            "view_mode": "form",
            "context": {
                "default_partner_id": self.partner_id.id,
                "default_user_id": self.user_id.id,
                "default_order_line": [
                    fields.Command.create(
                        {
                            "product_id": self.product_id.id,
                            "product_uom_qty": self.last_quantity or 1.0,
                        }
                    )
                ],
            },
        }

    # --- customer notices (email / SMS templates): sent to the customer

    def _mail_get_partner_fields(self, introspect_fields=False):
        return ["partner_id"]
