# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .common import SalesModelCommon


@tagged("post_install", "-at_install")
class TestPartnerSecurity(SalesModelCommon):
    """Each salesperson sees their own customers; a departing one takes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer_wang = cls._create_customer("Test Wang Own Co", cls.team_manager)
        cls.activity_li = cls.env["sales.activity"].create(
            {
                "name": "Test visit Li",
                "partner_id": cls.customer_li.id,
                "user_id": cls.salesman_li.id,
                "kind": "visit",
            }
        )
        cls.activity_zhang = cls.env["sales.activity"].create(
            {
                "name": "Test visit Zhang",
                "partner_id": cls.customer_zhang.id,
                "user_id": cls.salesman_zhang.id,
                "kind": "visit",
            }
        )
        cls.customers = (
            cls.customer_li | cls.customer_zhang | cls.customer_pool | cls.customer_wang
        )

    def _visible(self, records):
        """The part of ``records`` the current user finds by searching."""
        return records.with_env(self.env).search([("id", "in", records.ids)])

    # --- salesperson, own documents

    @users("smc_li")
    def test_salesperson_sees_own_customers_and_their_contacts(self):
        visible = self._visible(self.customers | self.contact_li | self.contact_zhang)
        self.assertIn(self.customer_li, visible)
        self.assertIn(self.contact_li, visible)
        self.assertNotIn(self.customer_zhang, visible)
        self.assertNotIn(self.contact_zhang, visible)

    @users("smc_li")
    def test_salesperson_sees_the_customer_pool(self):
        self.assertIn(self.customer_pool, self._visible(self.customer_pool))

    @users("smc_li")
    def test_salesperson_does_not_see_team_mates_customers_by_default(self):
        self.assertFalse(self._visible(self.customer_wang))

    @users("smc_li")
    def test_salesperson_sees_colleagues_and_own_company(self):
        partners = self.salesman_zhang.partner_id | self.company.partner_id
        self.assertEqual(self._visible(partners), partners)

    @users("smc_li")
    def test_salesperson_cannot_read_another_salespersons_customer(self):
        with self.assertRaises(AccessError):
            self.customer_zhang.with_env(self.env).read(["name", "phone"])

    @users("smc_li")
    def test_salesperson_name_search_offers_only_visible_customers(self):
        names = self.env["res.partner"].name_search("Test Huaxin")
        self.assertFalse(names)
        names = self.env["res.partner"].name_search("Test Zhilian")
        self.assertEqual(
            {partner_id for partner_id, _name in names},
            set((self.customer_li | self.contact_li).ids),
        )

    @users("smc_li")
    def test_salesperson_read_group_totals_count_only_own_customers(self):
        groups = self.env["res.partner"]._read_group(
            [("id", "in", self.customers.ids)],
            groupby=["user_id"],
            aggregates=["__count"],
        )
        counts = {user.id: count for user, count in groups}
        self.assertEqual(counts, {self.salesman_li.id: 1, False: 1})

    @users("smc_li")
    def test_salesperson_search_read_returns_only_own_customers(self):
        rows = self.env["res.partner"].search_read(
            [("id", "in", self.customers.ids)], ["name", "user_id"]
        )
        self.assertEqual(
            {row["name"] for row in rows}, {"Test Zhilian Tech", "Test Qiming Software"}
        )

    @users("smc_li")
    def test_salesperson_cannot_take_another_customer_by_writing_the_owner(self):
        with self.assertRaises(AccessError):
            self.customer_zhang.with_env(self.env).user_id = self.salesman_li

    @users("smc_li")
    def test_salesperson_claims_a_customer_from_the_pool(self):
        self.customer_pool.with_env(self.env).user_id = self.env.user
        self.assertEqual(self.customer_pool.user_id, self.salesman_li)

    @users("smc_li")
    def test_salesperson_edits_own_customer_profile(self):
        customer = self.customer_li.with_env(self.env)
        customer.write(
            {
                "phone": "010-1234",
                "sales_shareholder_ids": [
                    Command.create({"name": "Test Holder", "share": 10})
                ],
            }
        )
        self.assertEqual(customer.sales_shareholder_ids.name, "Test Holder")

    @users("smc_li")
    def test_salesperson_cannot_add_profile_data_to_another_customer(self):
        with self.assertRaises(AccessError):
            self.env["sales.partner.shareholder"].create(
                {"partner_id": self.customer_zhang.id, "name": "Test Sneak", "share": 5}
            )

    @users("smc_li")
    def test_new_customer_of_a_salesperson_is_theirs(self):
        customer = self.env["res.partner"].create(
            {"name": "Test New Office", "is_company": True}
        )
        self.assertEqual(customer.user_id, self.salesman_li)

    @users("smc_li")
    def test_salesperson_reads_customer_of_own_quotation_but_cannot_edit_it(self):
        self.env["sale.order"].sudo().create(
            {"partner_id": self.customer_zhang.id, "user_id": self.salesman_li.id}
        )
        customer = self.customer_zhang.with_env(self.env)
        self.assertEqual(customer.name, "Test Huaxin Law Firm")
        with self.assertRaises(AccessError):
            customer.phone = "000"

    @users("smc_li")
    def test_team_visibility_setting_shares_customers_within_the_team(self):
        self.company.sudo().sales_partner_visibility = "team"
        visible = self._visible(self.customers)
        self.assertIn(self.customer_wang, visible)
        self.assertNotIn(self.customer_zhang, visible)

    def test_team_visibility_is_the_setting_of_the_company_worked_in(self):
        other = self._create_company(name="Test Team Visibility Co")
        other.sales_partner_visibility = "team"
        li = self.salesman_li
        li.company_ids |= other
        own = li.sales_model_visible_owner_ids
        self.assertEqual(own, li, "own documents in the user's main company")
        # the same user, cached per company: no invalidation between the reads
        in_other = li.with_company(other).sales_model_visible_owner_ids
        self.assertEqual(in_other, li | self.team_manager)
        self.assertEqual(li.sales_model_visible_owner_ids, li)

    @users("smc_li")
    def test_salesperson_sees_visit_records_of_own_customers_only(self):
        visible = self._visible(self.activity_li | self.activity_zhang)
        self.assertEqual(visible, self.activity_li)

    @users("smc_li")
    def test_salesperson_cannot_delete_a_visit_record(self):
        with self.assertRaises(AccessError):
            self.activity_li.with_env(self.env).unlink()

    @users("smc_li")
    def test_salesperson_sees_tier_history_of_own_customers_only(self):
        self._invoice(self.customer_li.sudo(), 1000)
        self._invoice(self.customer_zhang.sudo(), 2000)
        self.tiering.sudo()._recompute_tiers(self.company)
        histories = self.env["sales.customer.tier.history"].search([])
        self.assertEqual(histories.partner_id, self.customer_li)

    @users("smc_li")
    def test_salesperson_pareto_rows_are_own_customers(self):
        self._invoice(self.customer_li.sudo(), 1000)
        self._invoice(self.customer_zhang.sudo(), 2000)
        rows = self.env["sales.customer.pareto"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertEqual(rows.partner_id, self.customer_li)

    # --- team manager

    @users("smc_wang")
    def test_team_manager_sees_customers_of_the_team_only(self):
        visible = self._visible(self.customers)
        self.assertEqual(
            visible, self.customer_li | self.customer_wang | self.customer_pool
        )

    @users("smc_wang")
    def test_team_manager_edits_team_members_customers(self):
        self.customer_li.with_env(self.env).phone = "010-888"
        self.assertEqual(self.customer_li.phone, "010-888")

    @users("smc_wang")
    def test_team_manager_sees_team_visit_records(self):
        visible = self._visible(self.activity_li | self.activity_zhang)
        self.assertEqual(visible, self.activity_li)

    @users("smc_wang")
    def test_team_manager_sees_team_quotations(self):
        orders = (
            self.env["sale.order"]
            .sudo()
            .create(
                [
                    {"partner_id": self.customer_li.id, "user_id": self.salesman_li.id},
                    {
                        "partner_id": self.customer_zhang.id,
                        "user_id": self.salesman_zhang.id,
                    },
                ]
            )
        )
        self.assertEqual(self._visible(orders), orders[0])

    # --- all documents, director and roles outside Sales

    @users("smc_all")
    def test_salesperson_with_all_documents_sees_every_customer(self):
        self.assertEqual(self._visible(self.customers), self.customers)

    @users("smc_chen")
    def test_director_sees_every_customer_and_visit(self):
        self.assertEqual(self._visible(self.customers), self.customers)
        self.assertEqual(
            self._visible(self.activity_li | self.activity_zhang),
            self.activity_li | self.activity_zhang,
        )

    @users("smc_invoicing")
    def test_invoicing_user_sees_customers_to_invoice_them(self):
        self.assertEqual(self._visible(self.customers), self.customers)

    @users("smc_internal")
    def test_internal_user_without_sales_has_no_visit_records(self):
        with self.assertRaises(AccessError):
            self.env["sales.activity"].search([])

    @users("smc_li")
    def test_team_change_reaches_the_rules_at_once(self):
        self.company.sudo().sales_partner_visibility = "team"
        self.team_other.sudo().member_ids = [Command.link(self.salesman_li.id)]
        self.assertIn(self.customer_zhang, self._visible(self.customers))
