# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, MissingError
from odoo.tests import tagged

from .common import SalesModelCommon


@tagged("post_install", "-at_install")
class TestQueryBudget(SalesModelCommon):
    """Our columns and profile sections cost a fixed number of queries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        region = cls.env["sales.region"].create({"name": "Test Beijing"})
        cls.customers = cls.env["res.partner"].create(
            [
                {
                    "name": f"Test Budget Customer {index}",
                    "is_company": True,
                    "user_id": cls.salesman_li.id,
                    "sales_region_id": region.id,
                    "sales_kind_ids": [Command.set(cls.kind_customer.ids)],
                }
                for index in range(80)
            ]
        )
        cls.customers.sudo().with_company(cls.company).with_context(
            sales_model_tiering=True
        ).write({"sales_tier_id": cls.tier_gold.id})

    def _list_spec(self):
        """The fields of our customer list view, as the web client asks them."""
        view = self.env.ref("sales_model_crm.res_partner_view_list_sales_model")
        spec = {}
        views = self.env["res.partner"].get_views([(view.id, "list")])
        for name in views["models"]["res.partner"]["fields"]:
            field = self.env["res.partner"]._fields[name]
            spec[name] = {"fields": {"display_name": {}}} if field.relational else {}
        return spec

    def _count_web_search_read(self, spec):
        partners = self.env["res.partner"]
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        partners.web_search_read([("id", "in", self.customers.ids)], spec, limit=80)
        return self.cr.sql_log_count - before

    def test_customer_list_of_80_rows_costs_at_most_2_extra_queries(self):
        spec = self._list_spec()
        without_ours = {
            name: value for name, value in spec.items() if not name.startswith("sales_")
        }
        base = self._count_web_search_read(without_ours)
        ours = self._count_web_search_read(spec)
        self.assertLessEqual(ours - base, 2)

    def test_partner_form_profile_cost_does_not_grow_with_profile_rows(self):
        customer = self.customers[0]
        view = self.env.ref("base.view_partner_form")
        views = self.env["res.partner"].get_views([(view.id, "form")])
        fields_spec = dict.fromkeys(views["models"]["res.partner"]["fields"], {})

        def count():
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            customer.web_read(fields_spec)
            return self.cr.sql_log_count - before

        def add_profile_rows(count):
            customer.write(
                {
                    "sales_shareholder_ids": [
                        Command.create({"name": f"Test Holder {index}", "share": 5})
                        for index in range(count)
                    ],
                    "sales_department_ids": [
                        Command.create({"name": f"Test Dept {index}"})
                        for index in range(count)
                    ],
                }
            )

        add_profile_rows(1)
        count()  # warm the registry caches (parameters, companies)
        with_one = count()
        add_profile_rows(9)
        self.assertEqual(count(), with_one)

    def _salesperson_list(self, user):
        """The first page of CRM > Customers as ``user``, as the web client
        loads it: the action's domain, its default filter, the list's fields."""
        partners = self.env["res.partner"].with_user(user)
        return partners.web_search_read(
            [("parent_id", "=", False), ("sales_kind_ids.code", "=", "customer")],
            self._list_spec(),
            limit=80,
            count_limit=10001,
        )

    def test_salesperson_customer_list_costs_a_fixed_number_of_queries(self):
        self._salesperson_list(self.salesman_li)  # warm the rule and view caches
        self.env.invalidate_all()
        # the page and its count, with the rules; the rules of the rows read,
        # checked in one query (Odoo's Python check of the salesperson's
        # rule loads every quotation and opportunity of each row: 11); the
        # names of the tiers, regions and salespeople shown
        with self.assertQueryCount(9):
            result = self._salesperson_list(self.salesman_li)
        visible = (
            self.env["res.partner"]
            .with_user(self.salesman_li)
            .search(
                [("sales_kind_ids.code", "=", "customer"), ("parent_id", "=", False)]
            )
        )
        shown = {record["id"] for record in result["records"]}
        self.assertEqual(result["length"], len(visible))
        self.assertLessEqual(shown, set(visible.ids))
        self.assertLessEqual(set(self.customers.ids), set(visible.ids))
        self.assertNotIn(self.customer_zhang.id, shown)

    def test_salesperson_cannot_read_a_page_with_a_colleagues_customer(self):
        # the rows of one page are checked at once: one row out of reach
        # refuses the whole read, as Odoo's own check does
        partners = (self.customers[:5] | self.customer_zhang).with_user(
            self.salesman_li
        )
        with self.assertRaises(AccessError):
            partners.check_access("read")
        with self.assertRaises(AccessError):
            partners.read(["name"])
        own = self.customers[:5].with_user(self.salesman_li)
        own.check_access("read")
        self.assertEqual(len(own.read(["name"])), 5)

    def test_page_with_a_deleted_customer_reports_it_missing(self):
        # a row deleted meanwhile is reported missing, not forbidden
        gone = self.customers[5]
        page = self.customers[:6].with_user(self.salesman_li)
        gone.unlink()
        with self.assertRaises(MissingError):
            page.check_access("read")
