# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

GROUP_FIELD_PREFIXES = ("groups_id", "in_group_", "sel_groups_")


class ResUsers(models.Model):
    _inherit = "res.users"

    sales_model_visible_owner_ids = fields.Many2many(
        "res.users",
        string="Customer Owners Visible",
        compute="_compute_sales_model_visible_owner_ids",
        help="Salespeople whose customers this user sees under the "
        "'own documents' rule: the user, and their team mates when the company "
        "shares customers within the team.",
    )
    sales_model_managed_user_ids = fields.Many2many(
        "res.users",
        string="Managed Salespeople",
        compute="_compute_sales_model_managed_user_ids",
        help="The user and the members of the sales teams the user leads.",
    )

    @api.depends_context("company")
    def _compute_sales_model_visible_owner_ids(self):
        # the setting of the company worked in (the record rules' company),
        # not of the user's default company: the value is cached per company
        shares_in_team = self.env.company.sales_partner_visibility == "team"
        for user in self:
            owners = user
            if shares_in_team:
                owners |= user.crm_team_ids.member_ids
            user.sales_model_visible_owner_ids = owners

    def _compute_sales_model_managed_user_ids(self):
        led_teams = self.env["crm.team"].search([("user_id", "in", self.ids)])
        for user in self:
            teams = led_teams.filtered(lambda team, user=user: team.user_id == user)
            user.sales_model_managed_user_ids = user | teams.member_ids

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._sales_model_enforce_export_policy()
        return users

    def write(self, vals):
        res = super().write(vals)
        if any(key.startswith(GROUP_FIELD_PREFIXES) for key in vals):
            self._sales_model_enforce_export_policy()
        return res

    def _sales_model_is_plain_salesperson(self):
        """A salesperson below the manager roles: the one who must not export."""
        self.ensure_one()
        groups = self.groups_id
        return self.env.ref("sales_team.group_sale_salesman") in groups and not (
            groups
            & (
                self.env.ref("sales_model_crm.group_sales_team_manager")
                | self.env.ref("sales_team.group_sale_manager")
            )
        )

    def _sales_model_enforce_export_policy(self):
        """Take export rights away from plain salespeople.

        New users inherit export rights from the default user template; a
        departing salesperson must not pull the customer base out through
        export, whatever the template says.
        """
        export_group = self.env.ref("base.group_allow_export")
        offenders = self.filtered(
            lambda user: export_group in user.groups_id
            and user._sales_model_is_plain_salesperson()
        )
        if offenders:
            # sudo: group membership is written by an admin's action already
            # (user form, install); this only narrows it.
            offenders.sudo().write(
                {"groups_id": [fields.Command.unlink(export_group.id)]}
            )

    def _sales_team_in(self, company):
        """The user's sales team in ``company`` (a team of no company counts).

        ``sale_team_id`` is the user's first team whatever its company: a
        salesperson of two companies then got company A's team on a quota,
        plan, review... of company B, which check_company refused (and which
        would have shown company B's records to company A's team leader).
        """
        self.ensure_one()
        team = self.sale_team_id
        # sudo: the companies of the user's own teams, to pick one; a read
        # as the current user raises on a team of a company not active now.
        # Only the chosen team's id leaves this method.
        if not company or team.sudo().company_id in (company, company.browse()):
            return team
        teams = self.sudo().crm_team_member_ids.crm_team_id.filtered(
            lambda team: team.company_id in (company, company.browse())
        )
        return teams[:1].with_env(self.env)
