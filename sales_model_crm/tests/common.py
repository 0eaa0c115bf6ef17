# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class SalesInvoiceMixin:
    """Test companies with a chart of accounts, and posted invoices in them.

    Shared by the test classes of both addons, which build companies of their
    own so that demo data never interferes.
    """

    @classmethod
    def _today(cls, user=None):
        """The day it is for ``user`` (by default the test's own user), in
        their time zone, as the product reckons it: never the server's UTC day,
        which is another day than Shanghai's from 16:00 UTC on."""
        users = cls.env["res.users"]
        return fields.Date.context_today(users.with_user(user) if user else users)

    @classmethod
    def _create_company_with_chart(cls, name):
        company = cls._create_company(name=name)
        cls.env["account.chart.template"].try_loading(
            "generic_coa", company, install_demo=False
        )
        return company

    @classmethod
    def _invoice(cls, partner, amount, days_ago=30, refund=False, company=None):
        """Post a customer invoice (or refund) of ``amount`` without taxes."""
        company = company or cls.company
        move = (
            cls.env["account.move"]
            .with_company(company)
            .create(
                {
                    "move_type": "out_refund" if refund else "out_invoice",
                    "partner_id": partner.id,
                    "invoice_date": cls._today() - timedelta(days=days_ago),
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": "Bottled water 18.9 L",
                                "quantity": 1,
                                "price_unit": amount,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        move.action_post()
        return move


class SalesModelCommon(SalesInvoiceMixin, BaseCommon):
    """A water delivery company of its own, so that demo data never interferes.

    Roles: two salespeople with own documents only (Li in the team Wang leads,
    Zhang in another team), a team manager, a salesperson with all documents,
    a director, an invoicing user and an internal user without Sales.
    """

    @classmethod
    def setup_independent_company(cls, **kwargs):
        return cls._create_company_with_chart("Test Spring Water Co")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tiering = cls.env["sales.customer.tiering"]
        cls.tier_platinum = cls.env.ref("sales_model_crm.sales_customer_tier_platinum")
        cls.tier_gold = cls.env.ref("sales_model_crm.sales_customer_tier_gold")
        cls.tier_silver = cls.env.ref("sales_model_crm.sales_customer_tier_silver")
        cls.tier_ordinary = cls.env.ref("sales_model_crm.sales_customer_tier_ordinary")
        cls.kind_customer = cls.env.ref("sales_model_crm.sales_partner_kind_customer")

        cls.salesman_li = cls._create_user("smc_li", "sales_team.group_sale_salesman")
        cls.salesman_zhang = cls._create_user(
            "smc_zhang", "sales_team.group_sale_salesman"
        )
        cls.team_manager = cls._create_user(
            "smc_wang", "sales_model_crm.group_sales_team_manager"
        )
        cls.salesman_all = cls._create_user(
            "smc_all", "sales_team.group_sale_salesman_all_leads"
        )
        cls.director = cls._create_user("smc_chen", "sales_team.group_sale_manager")
        cls.invoicing_user = cls._create_user(
            "smc_invoicing", "account.group_account_invoice"
        )
        cls.internal_user = cls._create_user("smc_internal", "base.group_user")

        cls.team_wang = cls.env["crm.team"].create(
            {
                "name": "Test Beijing Team",
                "user_id": cls.team_manager.id,
                "company_id": cls.company.id,
                "member_ids": [Command.set((cls.salesman_li | cls.team_manager).ids)],
            }
        )
        cls.team_other = cls.env["crm.team"].create(
            {
                "name": "Test Shanghai Team",
                "company_id": cls.company.id,
                "member_ids": [Command.set(cls.salesman_zhang.ids)],
            }
        )

        cls.customer_li = cls._create_customer("Test Zhilian Tech", cls.salesman_li)
        cls.contact_li = cls.env["res.partner"].create(
            {"name": "Test Sun Li", "parent_id": cls.customer_li.id}
        )
        cls.customer_zhang = cls._create_customer(
            "Test Huaxin Law Firm", cls.salesman_zhang
        )
        cls.contact_zhang = cls.env["res.partner"].create(
            {"name": "Test Li Xiaoyun", "parent_id": cls.customer_zhang.id}
        )
        cls.customer_pool = cls._create_customer("Test Qiming Software", False)

    @classmethod
    def _create_user(cls, login, groups):
        """A user as an admin creates one in the user form.

        The user starts with the template user's groups (a Sales Administrator
        with export rights and Contact Creation), then the admin picks the
        role in the Sales selection, which replaces the Sales groups.
        """
        sales_category = cls.env.ref("base.module_category_sales_sales")
        template_groups = cls.get_default_groups().filtered(
            lambda group: group.category_id != sales_category
        )
        role_groups = cls.env["res.groups"]
        for xmlid in groups.split(","):
            role_groups |= cls.env.ref(xmlid)
        return new_test_user(
            cls.env,
            login=login,
            groups_id=(template_groups | role_groups).ids,
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    @classmethod
    def _create_customer(cls, name, user, **values):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "user_id": user.id if user else False,
                "sales_kind_ids": [Command.set(cls.kind_customer.ids)],
                **values,
            }
        )

    @classmethod
    def _portal_user(cls, login, name, company_partner):
        """A portal user for a new contact ``name`` of ``company_partner``."""
        contact = cls.env["res.partner"].create(
            {"name": name, "parent_id": company_partner.id}
        )
        return new_test_user(
            cls.env,
            login=login,
            groups="base.group_portal",
            partner_id=contact.id,
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    @classmethod
    def _setup_sale_orders(cls):
        """A tax-free product and payment terms of 30 % now, 70 % in 30 days."""
        cls.water = cls.env["product.product"].create(
            {
                "name": "Test Bucket 18.9 L",
                "list_price": 100,
                "invoice_policy": "order",
                "taxes_id": [Command.clear()],
            }
        )
        cls.terms_30_70 = cls.env["account.payment.term"].create(
            {
                "name": "Test 30 % now, 70 % in 30 days",
                "line_ids": [
                    Command.create(
                        {"value": "percent", "value_amount": 30, "nb_days": 0}
                    ),
                    Command.create(
                        {"value": "percent", "value_amount": 70, "nb_days": 30}
                    ),
                ],
            }
        )

    @classmethod
    def _sale_order(cls, partner, user, team, amount):
        """A confirmed order of ``amount`` on 1 March 2030, on the 30/70 terms.

        Call ``_setup_sale_orders`` first.
        """
        order = (
            cls.env["sale.order"]
            .with_company(cls.company)
            .create(
                {
                    "partner_id": partner.id,
                    "user_id": user.id,
                    "team_id": team.id,
                    "payment_term_id": cls.terms_30_70.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.water.id,
                                "product_uom_qty": 1,
                                "price_unit": amount,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        order.action_confirm()
        order.date_order = datetime(2030, 3, 1, 9, 0)
        return order

    def _retier(self, company=None):
        done, _remaining = self.tiering._recompute_tiers(company or self.company)
        return done

    def _tier_of(self, partner, company=None):
        return partner.with_company(company or self.company).sales_tier_id
