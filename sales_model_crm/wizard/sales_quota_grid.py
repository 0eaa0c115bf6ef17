# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class SalesQuotaGrid(models.TransientModel):
    """Team Quotas: a whole team's quotas, salesperson x period, at once.

    "Fill" creates the draft quota lines that are missing for every member
    of the team and every period of the chosen cycle inside the period (so
    running it twice creates nothing twice), then opens them in an editable
    list grouped by period.
    """

    _name = "sales.quota.grid"
    _description = "Team Quotas"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        required=True,
        default=lambda self: self._default_team_id(),
        domain="[('company_id', 'in', [company_id, False])]",
    )
    period_id = fields.Many2one(
        "date.range",
        string="Period",
        required=True,
        domain="[('sales_cycle', '!=', False), "
        "('company_id', 'in', [company_id, False])]",
        help="The period the grid covers, e.g. a quarter.",
    )
    cycle = fields.Selection(
        [
            ("week", "Weeks"),
            ("month", "Months"),
            ("quarter", "Quarters"),
            ("year", "Years"),
            ("custom", "Custom periods"),
        ],
        string="Columns",
        required=True,
        default="month",
        help="One quota line per salesperson and per period of this cycle inside "
        "the period.",
    )
    basis = fields.Selection(
        selection=lambda self: self.env["sales.quota"]._fields["basis"].selection,
        string="Counts As",
        required=True,
        default="invoiced",
    )
    member_count = fields.Integer(string="Salespeople", compute="_compute_counts")
    period_count = fields.Integer(string="Periods", compute="_compute_counts")

    @api.model
    def _default_team_id(self):
        user = self.env.user
        led = self.env["crm.team"].search([("user_id", "=", user.id)], limit=1)
        return led or user.sale_team_id

    @api.depends("team_id", "period_id", "cycle", "company_id")
    def _compute_counts(self):
        for grid in self:
            grid.member_count = len(grid._grid_users())
            grid.period_count = len(grid._grid_periods())

    def _grid_periods(self):
        self.ensure_one()
        period = self.period_id
        if not period:
            return self.env["date.range"]
        if period.sales_cycle == self.cycle:
            return period
        return period._sales_sub_periods(self.cycle)

    def _grid_users(self):
        self.ensure_one()
        company = self.company_id
        return self.team_id.member_ids.filtered(
            lambda user: user.active and company in user.company_ids
        )

    def _grid_domain(self, periods, users):
        # salespeople's lines only: the team's own lines are the parent of
        # theirs, and a period's subtotal adding both counted it twice
        return [
            ("company_id", "=", self.company_id.id),
            ("period_id", "in", periods.ids),
            ("owner_type", "=", "user"),
            "|",
            ("team_id", "=", self.team_id.id),
            ("user_id", "in", users.ids),
        ]

    def action_fill(self):
        """Create the missing draft quota lines, then open the grid."""
        self.ensure_one()
        Quota = self.env["sales.quota"]
        Quota.check_access("create")
        periods = self._grid_periods()
        users = self._grid_users()
        if not periods:
            raise UserError(
                _(
                    "%(period)s holds no periods of that cycle: generate the "
                    "periods of the year first.",
                    period=self.period_id.name,
                )
            )
        if not users:
            raise UserError(
                _("%(team)s has no salespeople.", team=self.team_id.display_name)
            )
        # which lines exist, whoever can see them: a second run must not
        # create what a colleague's grid created (only the keys are read)
        existing = {
            (user.id, period.id)
            for user, period in Quota.sudo()._read_group(
                [
                    ("company_id", "=", self.company_id.id),
                    ("owner_type", "=", "user"),
                    ("user_id", "in", users.ids),
                    ("period_id", "in", periods.ids),
                    ("basis", "=", self.basis),
                    ("region_id", "=", False),
                    ("product_category_id", "=", False),
                    ("customer_tier_id", "=", False),
                ],
                ["user_id", "period_id"],
            )
        }
        Quota.create(
            [
                {
                    "company_id": self.company_id.id,
                    "period_id": period.id,
                    "owner_type": "user",
                    "user_id": user.id,
                    "team_id": self.team_id.id,
                    "basis": self.basis,
                    "minimum": 0.0,
                    "target": 0.0,
                    "stretch": 0.0,
                }
                for period in periods
                for user in users
                if (user.id, period.id) not in existing
            ]
        )
        return self._action_open_grid(periods, users)

    def action_open(self):
        """Open the grid without creating anything."""
        self.ensure_one()
        return self._action_open_grid(self._grid_periods(), self._grid_users())

    def _action_open_grid(self, periods, users):
        list_view = self.env.ref("sales_model_crm.sales_quota_view_list_grid")
        return {
            "type": "ir.actions.act_window",
            "name": _(
                "%(team)s · %(period)s",
                team=self.team_id.display_name,
                period=self.period_id.name,
            ),
            "res_model": "sales.quota",
            "view_mode": "list,form",
            "views": [(list_view.id, "list"), (False, "form")],
            "domain": self._grid_domain(periods, users),
            "context": {
                "group_by": ["period_id"],
                "default_team_id": self.team_id.id,
                "default_owner_type": "user",
                "default_basis": self.basis,
                "default_company_id": self.company_id.id,
            },
        }
