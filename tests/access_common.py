# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The users and records the access matrix is checked with.

Every model of the matrix gets three records, one per owner: Li's (Li is
in the team the team manager leads), Zhao's (Li's teammate) and Zhang's
(another team). The teammate tells a rule of the salesperson's own records
from one of the team's: Li must get his record, and neither Zhao's nor
Zhang's. Catalogues and settings get the same record three times. Roles are
the users of ``security/README.md``; ``as_role`` gives a record or model as
that role would reach it over RPC (its user, its active companies).
"""

import csv
from datetime import date, timedelta
from pathlib import Path

from odoo import Command, fields

from odoo.addons.sales_model_crm.tests.common_quota import SalesQuotaCommon

SECURITY_DIR = Path(__file__).resolve().parent.parent / "security"
POLICY_FILE = SECURITY_DIR / "access_policy.csv"
REPORT_POLICY_FILE = SECURITY_DIR / "access_reports.csv"


def read_policy():
    """The rows of access_policy.csv, keyed by (role, model)."""
    with POLICY_FILE.open(newline="") as policy_file:
        return {(row["role"], row["model"]): row for row in csv.DictReader(policy_file)}


def read_report_policy():
    """The rows of access_reports.csv: (role, report) -> access."""
    with REPORT_POLICY_FILE.open(newline="") as policy_file:
        return {
            (row["role"], row["report"]): row["access"]
            for row in csv.DictReader(policy_file)
        }


class AccessMatrixCommon(SalesQuotaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._add_teammate()
        cls._add_roles()
        cls._invoice(cls.customer_li, 1000)
        cls._invoice(cls.customer_zhao, 1500)
        cls._invoice(cls.customer_zhang, 2000)
        cls.tiering._recompute_tiers(cls.company)
        cls.records = {}
        cls._add_customer_records()
        cls._add_quota_records()
        cls._add_execution_records()

    # --- owners and roles

    @classmethod
    def _add_teammate(cls):
        """Zhao (赵), a salesperson of Li's team, with a customer and a contact.

        Not "smc_liu": the workbooks are searched for the owner's login, and
        "smc_liu" holds "smc_li".
        """
        cls.salesman_zhao = cls._create_user(
            "smc_zhao", "sales_team.group_sale_salesman"
        )
        cls.team_wang.member_ids = [Command.link(cls.salesman_zhao.id)]
        cls.customer_zhao = cls._create_customer(
            "Test Jinghua Trading", cls.salesman_zhao
        )
        cls.contact_zhao = cls.env["res.partner"].create(
            {"name": "Test Zhou Min", "parent_id": cls.customer_zhao.id}
        )
        # in the order of the records of each model: own, teammate's, other team's
        cls.owners = (cls.salesman_li, cls.salesman_zhao, cls.salesman_zhang)
        cls.customers = (cls.customer_li, cls.customer_zhao, cls.customer_zhang)
        cls.contacts = (cls.contact_li, cls.contact_zhao, cls.contact_zhang)

    @classmethod
    def _local_today(cls, user):
        """The day it is for ``user`` (their time zone), not the server's."""
        return fields.Date.context_today(user.with_user(user).with_context(tz=user.tz))

    @classmethod
    def _add_roles(cls):
        # an agent's portal user: a contact of the agent partner
        cls.agent_user = cls._portal_user(
            "smc_policy_agent", "Test Policy Agent Contact", cls.agent
        )
        # a director of two companies who works in the other one: the test
        # company's records must stay out of reach while it is not active
        cls.other_company = cls.env["res.company"].create(
            {"name": "Test Policy Other Company"}
        )
        cls.two_company_user = cls._create_user(
            "smc_policy_two_companies", "sales_team.group_sale_manager"
        )
        cls.two_company_user.write(
            {
                "company_ids": [Command.link(cls.other_company.id)],
                "company_id": cls.other_company.id,
            }
        )
        cls.role_users = {
            "salesperson": cls.salesman_li,
            "salesperson_all": cls.salesman_all,
            "team_manager": cls.team_manager,
            "director": cls.director,
            "invoicing": cls.invoicing_user,
            "internal": cls.internal_user,
            "agent": cls.agent_user,
            "public": cls.env.ref("base.public_user"),
            "other_company": cls.two_company_user,
        }
        # the companies each role works in (RPC clients send them in the context)
        cls.role_companies = {role: cls.company for role in cls.role_users}
        cls.role_companies["other_company"] = cls.other_company

    @classmethod
    def as_role(cls, records, role):
        """``records`` as ``role`` reaches them: its user, its one active company."""
        return records.with_user(cls.role_users[role]).with_context(
            allowed_company_ids=cls.role_companies[role].ids
        )

    # --- records

    @classmethod
    def _per_owner(cls, model, values):
        """One record of ``model`` per owner: ``values(customer, user)``."""
        return tuple(
            cls.env[model].create(values(customer, user))
            for customer, user in zip(cls.customers, cls.owners, strict=True)
        )

    @classmethod
    def _shared(cls, record):
        """A record every holder of the model sees (settings, catalogues)."""
        return (record,) * len(cls.owners)

    @classmethod
    def _add_customer_records(cls):
        records = cls.records
        records["res.partner"] = cls.customers
        records["sales.activity"] = cls._per_owner(
            "sales.activity",
            lambda customer, user: {
                "name": "Test policy visit",
                "partner_id": customer.id,
                "user_id": user.id,
            },
        )
        records["sales.partner.shareholder"] = cls._per_owner(
            "sales.partner.shareholder",
            lambda customer, user: {
                "partner_id": customer.id,
                "name": "Test policy holder",
                "share": 10,
            },
        )
        # the customer's profile: its departments, its contact's family and
        # work history; hobbies are a catalogue
        records["sales.partner.department"] = cls._per_owner(
            "sales.partner.department",
            lambda customer, user: {
                "name": "Test policy purchasing",
                "partner_id": customer.id,
            },
        )
        contact_of = dict(zip(cls.customers, cls.contacts, strict=True))
        records["sales.partner.family.member"] = cls._per_owner(
            "sales.partner.family.member",
            lambda customer, user: {
                "partner_id": contact_of[customer].id,
                "name": "Test policy spouse",
                "relation": "spouse",
            },
        )
        records["sales.partner.experience"] = cls._per_owner(
            "sales.partner.experience",
            lambda customer, user: {
                "partner_id": contact_of[customer].id,
                "employer": "Test policy former employer",
            },
        )
        records["sales.partner.hobby"] = cls._shared(
            cls.env["sales.partner.hobby"].create({"name": "Test policy go (围棋)"})
        )
        # customer relations (partner_multi_relation): a contact of each
        # customer is its purchasing manager
        relation_type = cls.env["res.partner.relation.type"].create(
            {
                "name": "Test policy purchasing manager of",
                "name_inverse": "Test policy has purchasing manager",
                "contact_type_left": "p",
                "contact_type_right": "c",
            }
        )
        records["res.partner.relation"] = cls._per_owner(
            "res.partner.relation",
            lambda customer, user: {
                "left_partner_id": cls.env["res.partner"]
                .create(
                    {
                        "name": f"Test policy buyer of {customer.name}",
                        "parent_id": customer.id,
                    }
                )
                .id,
                "right_partner_id": customer.id,
                "type_id": relation_type.id,
            },
        )
        # the same relations as the contact form lists them (a view, both ways)
        records["res.partner.relation.all"] = tuple(
            cls.env["res.partner.relation.all"].search(
                [
                    ("res_model", "=", "res.partner.relation"),
                    ("res_id", "=", relation.id),
                    ("is_inverse", "=", False),
                ]
            )
            for relation in records["res.partner.relation"]
        )
        for model in ("sales.customer.tier.history", "sales.customer.pareto"):
            records[model] = tuple(
                cls.env[model].search(
                    [
                        ("partner_id", "=", customer.id),
                        ("company_id", "=", cls.company.id),
                    ],
                    limit=1,
                )
                for customer in cls.customers
            )
        for model, xmlid in (
            ("sales.customer.tier", "sales_model_crm.sales_customer_tier_gold"),
            ("sales.partner.kind", "sales_model_crm.sales_partner_kind_agent"),
        ):
            records[model] = cls._shared(cls.env.ref(xmlid))
        records["sales.region"] = cls._shared(
            cls.env["sales.region"].create({"name": "Test Policy Region"})
        )
        records["sales.purchase.cycle"] = cls._per_owner(
            "sales.purchase.cycle",
            lambda customer, user: {
                "partner_id": customer.id,
                "product_id": cls.env["product.product"]
                .create({"name": f"Test policy water {customer.id}"})
                .id,
                "days_per_unit_override": 7,
            },
        )
        # care reminders (greetings, return visits, refills) are activities
        # of the customer's salesperson on the customer
        greeting = cls.env.ref("sales_model_crm.mail_activity_type_greeting")
        records["mail.activity"] = cls._per_owner(
            "mail.activity",
            lambda customer, user: {
                "res_model_id": cls.env["ir.model"]._get_id("res.partner"),
                "res_id": customer.id,
                "activity_type_id": greeting.id,
                "summary": "Test policy birthday greeting",
                "user_id": user.id,
                "date_deadline": cls._local_today(user) + timedelta(days=3),
            },
        )
        records["sales.audience"] = cls._per_owner(
            "sales.audience",
            lambda customer, user: {"name": "Test policy audience", "user_id": user.id},
        )

    @classmethod
    def _add_quota_records(cls):
        records = cls.records
        quotas = tuple(cls._quota(cls.jan, user, 1000) for user in cls.owners)
        records["sales.quota"] = quotas
        all_quotas = cls.env["sales.quota"].concat(*quotas)
        plans = cls.env["sales.plan"]._create_from_quotas(all_quotas)
        records["sales.plan"] = tuple(
            plans.filtered(lambda plan, quota=quota: plan.quota_id == quota)
            for quota in quotas
        )
        records["sales.budget"] = tuple(
            cls.env["sales.budget"].create(
                {"period_id": cls.jan.id, "owner_type": "user", "user_id": user.id}
            )
            for user in cls.owners
        )
        records["sales.plan.line"] = tuple(
            plan.line_ids[:1] for plan in records["sales.plan"]
        )
        category = cls.env.ref("sales_model_crm.sales_budget_category_travel")
        records["sales.budget.category"] = cls._shared(category)
        for budget in records["sales.budget"]:
            budget.write(
                {
                    "line_ids": [
                        Command.create(
                            {"category_id": category.id, "planned_amount": 500}
                        )
                    ],
                    "expense_ids": [
                        Command.create(
                            {
                                "name": "Test policy taxi",
                                "category_id": category.id,
                                "amount": 40,
                                "date": date(2030, 1, 15),
                            }
                        )
                    ],
                }
            )
        records["sales.budget.line"] = tuple(
            budget.line_ids for budget in records["sales.budget"]
        )
        records["sales.budget.expense"] = tuple(
            budget.expense_ids for budget in records["sales.budget"]
        )
        # the assessment periods and their types (date_range)
        records["date.range"] = cls._shared(cls.jan)
        records["date.range.type"] = cls._shared(cls.month_type)
        all_quotas.action_confirm()
        settlements = cls.env["sales.quota.settlement"]._settle(
            all_quotas, today=date(2030, 2, 1)
        )
        records["sales.quota.settlement"] = tuple(
            settlements.filtered(
                lambda settlement, quota=quota: settlement.quota_id == quota
            )
            for quota in quotas
        )

    @classmethod
    def _add_execution_records(cls):
        """Records of issue 4's daily execution, one per owner."""
        records = cls.records
        records["sales.daily.review"] = cls._per_owner(
            "sales.daily.review",
            lambda customer, user: {
                "user_id": user.id,
                "date": cls._local_today(user) - timedelta(days=1),
            },
        )
        records["sales.problem"] = cls._per_owner(
            "sales.problem",
            lambda customer, user: {"name": "Test policy problem", "user_id": user.id},
        )
        product = cls.env["product.product"].create({"name": "Test policy dispenser"})
        records["sales.collection.plan"] = cls._per_owner(
            "sales.collection.plan",
            lambda customer, user: {
                "order_id": cls.env["sale.order"]
                .create(
                    {
                        "partner_id": customer.id,
                        "user_id": user.id,
                        "order_line": [
                            Command.create(
                                {"product_id": product.id, "price_unit": 100}
                            )
                        ],
                    }
                )
                .id
            },
        )
        for plan in records["sales.collection.plan"]:
            plan.installment_ids = [
                Command.create(
                    {
                        "due_date": cls._local_today(plan.user_id),
                        "amount": plan.amount_total,
                    }
                )
            ]
        records["sales.collection.installment"] = tuple(
            plan.installment_ids[:1] for plan in records["sales.collection.plan"]
        )
        # a deal of each salesperson's customer, for the funnel
        for customer, user in zip(cls.customers, cls.owners, strict=True):
            cls.env["crm.lead"].create(
                {
                    "name": "Test policy deal",
                    "type": "opportunity",
                    "partner_id": customer.id,
                    "user_id": user.id,
                }
            )
        cls.env.flush_all()
        records["sales.funnel.report"] = tuple(
            cls.env["sales.funnel.report"].search(
                [("partner_id", "=", customer.id)], limit=1
            )
            for customer in cls.customers
        )
        records["sales.collection.report"] = tuple(
            cls.env["sales.collection.report"].search(
                [("plan_id", "=", plan.id)], limit=1
            )
            for plan in records["sales.collection.plan"]
        )
        # cash collected: an invoice of each salesperson's customer, paid
        for customer, user in zip(cls.customers, cls.owners, strict=True):
            invoice = cls._invoice(customer, 100, days_ago=1)
            invoice.invoice_user_id = user
            cls.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoice.ids
            ).create({"payment_date": cls._local_today(user)})._create_payments()
        cls.env.flush_all()
        records["sales.collection.line"] = tuple(
            cls.env["sales.collection.line"].search(
                [("partner_id", "=", customer.id)], limit=1
            )
            for customer in cls.customers
        )
        # a bulletin to all internal users, written by the director
        bulletin = (
            cls.env["sales.announcement"]
            .with_user(cls.director)
            .create(
                {
                    "name": "Test policy bulletin",
                    "group_ids": [Command.link(cls.env.ref("base.group_user").id)],
                }
            )
        )
        bulletin.action_publish()
        records["sales.announcement"] = cls._shared(bulletin.with_user(cls.env.user))
        # read receipts of an announcement the team manager wrote to all
        # internal users: its author sees (and Odoo lets them change) every
        # recipient's, a recipient only their own
        memo = (
            cls.env["sales.announcement"]
            .with_user(cls.team_manager)
            .create(
                {
                    "name": "Test policy team memo",
                    "group_ids": [Command.link(cls.env.ref("base.group_user").id)],
                }
            )
        )
        memo.action_publish()
        records["sales.announcement.receipt"] = tuple(
            memo.with_env(cls.env).receipt_ids.filtered(
                lambda receipt, user=user: receipt.user_id == user
            )
            for user in cls.owners
        )
        # articles written by each owner
        records["sales.knowledge.article"] = tuple(
            cls.env["sales.knowledge.article"]
            .with_user(user)
            .create({"name": "Test policy script"})
            .with_user(cls.env.user)
            for user in cls.owners
        )
        # what a handover moved: the director's log, of no salesperson's own
        handover = cls.env["sales.handover.log"].create(
            {
                "from_user_id": cls.salesman_zhang.id,
                "moved_count": 1,
                "line_ids": [
                    Command.create(
                        {
                            "kind": "partner",
                            "to_user_id": cls.salesman_li.id,
                            "count": 1,
                            "res_model": "res.partner",
                            "res_ids": str(cls.customer_pool.id),
                        }
                    )
                ],
            }
        )
        records["sales.handover.log"] = cls._shared(handover)
        records["sales.handover.log.line"] = cls._shared(handover.line_ids)
