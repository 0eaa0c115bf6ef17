# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged, users

from .common import SalesModelCommon


@tagged("post_install", "-at_install")
class TestExportPolicy(SalesModelCommon):
    """Only managers export: the customer base does not leave through a file."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.export_group = cls.env.ref("base.group_allow_export")

    def test_template_export_right_is_taken_from_a_new_salesperson(self):
        template = self.env.ref("base.default_user")
        self.assertIn(self.export_group, template.groups_id)
        user = new_test_user(
            self.env,
            login="smc_new_sales",
            groups="base.group_user,base.group_allow_export,"
            "sales_team.group_sale_salesman",
        )
        self.assertNotIn(self.export_group, user.groups_id)

    def test_user_made_salesperson_later_loses_export(self):
        user = new_test_user(
            self.env,
            login="smc_later",
            groups="base.group_user,base.group_allow_export",
        )
        user.groups_id = [
            Command.link(self.env.ref("sales_team.group_sale_salesman").id)
        ]
        self.assertNotIn(self.export_group, user.groups_id)

    def test_salesperson_added_from_the_group_form_loses_export(self):
        user = new_test_user(
            self.env, login="smc_grp", groups="base.group_user,base.group_allow_export"
        )
        self.env.ref("sales_team.group_sale_salesman").users = [Command.link(user.id)]
        self.assertNotIn(self.export_group, user.groups_id)

    def test_managers_keep_export(self):
        self.assertIn(self.export_group, self.team_manager.groups_id)
        self.assertIn(self.export_group, self.director.groups_id)

    @users("smc_li")
    def test_salesperson_cannot_export_own_customers(self):
        with self.assertRaises(AccessError):
            self.customer_li.with_env(self.env).export_data(["name", "phone"])

    @users("smc_li")
    def test_salesperson_given_export_by_hand_still_cannot_export(self):
        self.env.user.sudo().groups_id = [Command.link(self.export_group.id)]
        # the policy strips it again; export_data refuses in any case
        with self.assertRaises(AccessError):
            self.customer_li.with_env(self.env).export_data(["name"])

    @users("smc_wang")
    def test_team_manager_exports_team_customers(self):
        data = self.customer_li.with_env(self.env).export_data(["name"])
        self.assertEqual(data["datas"], [["Test Zhilian Tech"]])
