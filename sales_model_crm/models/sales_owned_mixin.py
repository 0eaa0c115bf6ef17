# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SalesOwnedMixin(models.AbstractModel):
    """A record a salesperson owns, filed under their sales team.

    Visit records, daily reviews, problems, quotas, plans and budgets all
    carry a salesperson (``user_id``) and the sales team (``team_id``) their
    record rules and team leaders work by. The team follows the salesperson:
    it is their team in the record's company (``res.users._sales_team_in``),
    computed and stored, and still editable by hand.

    The team is precomputed, so that it is in the insert already. What the
    models do not share stays with them, as field redefinitions (a required
    salesperson with the current user as default, a team computed after the
    insert, its company checked, its changes tracked) or through the hook
    :meth:`_sales_team_from_user` (records a team or an agent may own).
    ``manager_id`` is declared by the models that have one: the rest have no
    such column.

    The model inheriting this mixin must have a ``company_id`` field, and be
    a ``mail.thread`` for the ``tracking`` of the salesperson to apply.
    """

    _name = "sales.owned.mixin"
    _description = "Salesperson-Owned Record"

    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        index=True,
        tracking=True,
        domain=[("share", "=", False)],
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )

    def _valid_field_parameter(self, field, name):
        # the models using the mixin are mail threads, which track the
        # salesperson: accept the parameter here as mail.thread does there
        return name == "tracking" or super()._valid_field_parameter(field, name)

    @api.depends("user_id", "company_id")
    def _compute_team_id(self):
        for record in self:
            team = record._sales_team_from_user()
            if team is not None:
                record.team_id = team

    def _sales_team_from_user(self):
        """Return the team the record gets from its salesperson, or ``None``
        to leave its team as it is (the value is then not even assigned).

        By default the salesperson's team in the record's company, and no
        team for a salesperson in none (or for no salesperson).
        """
        self.ensure_one()
        return self.user_id._sales_team_in(self.company_id)
