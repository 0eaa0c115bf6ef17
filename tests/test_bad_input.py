# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bad input (issue 7): the corpus of data/bad_inputs.json fed to every number and
date a user types into our models, through the ORM.

Each value is either refused with a clear error (UserError and its subclasses,
or a declared SQL constraint, which Odoo's RPC layer turns into a message) or
stored exactly; never a Python or database error, never half-written. The
failures of a model are collected and reported all at once.
"""

import json
import math
from datetime import date, timedelta
from pathlib import Path

from psycopg2 import IntegrityError, errorcodes

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import float_round, mute_logger

from odoo.addons.sales_model_crm.tests.common_quota import SalesQuotaCommon

CORPUS = json.loads(
    (Path(__file__).resolve().parent.parent / "data" / "bad_inputs.json").read_text(
        encoding="utf-8"
    )
)
# an SQL constraint of ours (CHECK, UNIQUE): over RPC Odoo answers with its message
DECLARED_CONSTRAINTS = (errorcodes.CHECK_VIOLATION, errorcodes.UNIQUE_VIOLATION)
# what the web client shows as a message, not as a server error
CLEAR_ERRORS = (
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.AccessError",
)


class BadInputMixin:
    """Feed values, classify what happens, collect what is wrong."""

    def _attempt(self, function):
        """('stored', None), ('refused', error) or ('crashed', error), rolled back
        to a savepoint unless stored (then the caller checks and may undo it)."""
        try:
            # the ORM logs the failing SQL of a refused constraint: expected here
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                function()
                self.env.flush_all()
        except UserError as error:
            return "refused", error
        except IntegrityError as error:
            if error.pgcode in DECLARED_CONSTRAINTS:
                return "refused", error
            return "crashed", error
        except Exception as error:  # noqa: BLE001 - any other error is the defect
            return "crashed", error
        finally:
            self.env.invalidate_all()
        return "stored", None

    def _expected(self, record, field_name, value):
        """What an exact store of ``value`` reads back as."""
        field = record._fields[field_name]
        if field.type == "integer":
            return int(value)
        number = float(value)
        if field.type == "monetary":
            return record[field.get_currency_field(record)].round(number)
        digits = field.get_digits(record.env)
        return float_round(number, precision_digits=digits[1]) if digits else number

    def _feed(self, failures, record, field_name, section, restore=True):
        """Write every value of a corpus section into ``record[field_name]``."""
        original = record[field_name]
        for expectation in ("refused", "stored"):
            for value in CORPUS[section][expectation]:
                label = f"{record._name}.{field_name} = {value!r}"
                outcome, error = self._attempt(
                    lambda value=value: record.write({field_name: value})
                )
                if outcome == "crashed":
                    failures.append(f"{label}: {type(error).__name__}: {error}")
                elif outcome == "stored" and expectation == "refused":
                    failures.append(f"{label}: stored as {record[field_name]!r}")
                elif outcome == "stored":
                    stored, expected = (
                        record[field_name],
                        self._expected(record, field_name, value),
                    )
                    if not (math.isfinite(stored) and stored == expected):
                        failures.append(f"{label}: stored {stored!r}, not {expected!r}")
                if outcome == "stored" and restore:
                    record.write({field_name: original})

    def _assert_no_failures(self, failures):
        self.assertFalse(failures, "\n" + "\n".join(failures))


@tagged("post_install", "-at_install")
class TestBadInputOrm(BadInputMixin, SalesQuotaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quota = cls._quota(cls.q1, cls.salesman_li, 1000.0, stretch=1e9)
        cls.quota.minimum = 0
        cls.plan = cls.env["sales.plan"].create(
            {
                "name": "Test bad input plan",
                "period_id": cls.q1.id,
                "owner_type": "user",
                "user_id": cls.salesman_li.id,
                "company_id": cls.company.id,
                "line_ids": [Command.create({"kind": "call", "target_count": 10})],
            }
        )
        cls.budget = cls.env["sales.budget"].create(
            {
                "period_id": cls.jan.id,
                "owner_type": "user",
                "user_id": cls.salesman_li.id,
                "company_id": cls.company.id,
                "line_ids": [
                    Command.create(
                        {
                            "category_id": cls.env.ref(
                                "sales_model_crm.sales_budget_category_travel"
                            ).id,
                            "planned_amount": 500,
                        }
                    )
                ],
            }
        )
        cls.shareholder = cls.env["sales.partner.shareholder"].create(
            {"partner_id": cls.customer_li.id, "name": "Test holder", "share": 10}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Test Bucket 18.9 L", "sales_days_per_unit": 7}
        )
        cls.cycle = cls.env["sales.purchase.cycle"].create(
            {"partner_id": cls.customer_li.id, "product_id": cls.product.id}
        )
        cls.activity = cls.env["sales.activity"].create(
            {
                "name": "Test visit",
                "partner_id": cls.customer_li.id,
                "user_id": cls.salesman_li.id,
            }
        )

    def test_quota_amounts_and_incentives(self):
        failures = []
        for name in ("minimum", "target", "stretch"):
            self._feed(failures, self.quota, name, "amounts")
        for name in (
            "penalty_value",
            "reward_minimum_value",
            "reward_target_value",
            "reward_stretch_value",
        ):
            self._feed(failures, self.quota, name, "amounts")
        self._feed(failures, self.quota, "split_share", "ratios")
        self._assert_no_failures(failures)

    def test_quota_target_zero_divides_safely(self):
        """A zero target is stored; attainment and reward are computed, not crashed."""
        self.quota.write({"minimum": 0, "target": 0, "stretch": 0})
        self.assertEqual(self.quota.attainment, 0.0)
        self.assertTrue(math.isfinite(self.quota.reward_amount))

    def test_plan_budget_and_cycle_numbers(self):
        failures = []
        self._feed(failures, self.plan.line_ids, "target_count", "counts")
        self._feed(failures, self.budget.line_ids, "planned_amount", "amounts")
        self._feed(failures, self.cycle, "days_per_unit_override", "quantities")
        self._feed(
            failures, self.product.product_tmpl_id, "sales_days_per_unit", "quantities"
        )
        self._assert_no_failures(failures)
        # zero planned, zero target: the rates that divide by them stay defined
        self.plan.line_ids.target_count = 0
        self.budget.line_ids.planned_amount = 0
        self.assertEqual(self.plan.line_ids.progress, 0.0)
        self.assertEqual(self.budget.line_ids.burn_rate, 0.0)

    def test_expense_and_collection_installments(self):
        """Expenses, installment amounts and due dates; a plan saved with one
        bad installment keeps all its installments as they were."""
        failures = []
        travel = self.env.ref("sales_model_crm.sales_budget_category_travel")
        expense = self.env["sales.budget.expense"].create(
            {
                "name": "Test taxi",
                "budget_id": self.budget.id,
                "category_id": travel.id,
                "date": date(2030, 1, 10),
                "amount": 50,
            }
        )
        self._feed(failures, expense, "amount", "amounts")
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer_li.id,
                "user_id": self.salesman_li.id,
                "payment_term_id": self.env.ref(
                    "account.account_payment_term_30days"
                ).id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "price_unit": 1000,
                            "tax_id": [Command.clear()],
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        plan = self.env["sales.collection.plan"].create({"order_id": order.id})
        plan.write(
            {
                "installment_ids": [
                    Command.create({"due_date": self._today(), "amount": 300}),
                    Command.create(
                        {"due_date": self._today() + timedelta(30), "amount": 700}
                    ),
                ]
            }
        )
        first, second = plan.installment_ids.sorted("due_date")
        self._feed(failures, plan, "amount_total", "amounts")
        self._feed(failures, first, "amount", "amounts")
        for value in CORPUS["dates"]["invalid"] + ["1900-01-01"]:
            outcome, error = self._attempt(
                lambda value=value: first.write({"due_date": value})
            )
            if outcome != "refused":
                failures.append(f"installment due {value}: {outcome} {error or ''}")
        for value in CORPUS["amounts"]["refused"]:
            outcome, error = self._attempt(
                lambda value=value: plan.write(
                    {
                        "installment_ids": [
                            Command.update(first.id, {"amount": 500}),
                            Command.update(second.id, {"amount": value}),
                        ]
                    }
                )
            )
            if outcome != "refused":
                failures.append(f"plan with installment {value!r}: {outcome} {error}")
            if (first.amount, second.amount) != (300, 700):
                failures.append(f"plan with installment {value!r}: half-written")
        self._assert_no_failures(failures)

    def test_tier_and_care_settings(self):
        failures = []
        self._feed(failures, self.tier_ordinary, "cumulative_share", "ratios")
        self._feed(failures, self.tier_gold, "revenue_floor", "amounts")
        self._feed(failures, self.tier_gold, "care_cadence_days", "counts")
        for name in (
            "sales_tier_window_months",
            "sales_cycle_reminder_percent",
            "sales_cycle_at_risk_cycles",
            "sales_care_greeting_days",
            "sales_care_return_visit_days",
            "sales_pool_days",
            "sales_pool_claim_limit",
            "sales_problem_escalation_days",
            "sales_collection_reminder_days",
            "sales_effective_min_minutes",
        ):
            self._feed(failures, self.company, name, "counts")
        for name in (
            "sales_quota_prospects_per_deal",
            "sales_quota_calls_per_prospect",
        ):
            self._feed(failures, self.company, name, "quantities")
        self._feed(failures, self.company, "sales_quota_avg_deal_size", "amounts")
        self._feed(failures, self.team_wang, "quota_avg_deal_size", "amounts")
        self._feed(failures, self.team_wang, "quota_history_months", "counts")
        self._assert_no_failures(failures)

    def test_partner_profile_numbers(self):
        failures = []
        self._feed(failures, self.customer_li, "sales_annual_revenue", "amounts")
        self._feed(failures, self.customer_li, "sales_employee_count", "counts")
        self._feed(failures, self.shareholder, "share", "ratios")
        self._feed(failures, self.activity, "duration", "quantities")
        self._assert_no_failures(failures)

    def test_dates(self):
        """Impossible dates, birthdays, future reviews, ends before starts."""
        failures = []
        dates = CORPUS["dates"]
        future = self._today() + timedelta(days=dates["days_in_future"])

        def check(label, function, expectation):
            outcome, error = self._attempt(function)
            if outcome == "crashed":
                failures.append(f"{label}: {type(error).__name__}: {error}")
            elif outcome != expectation:
                failures.append(f"{label}: {outcome}, expected {expectation}")

        partner = self.customer_li
        for value in dates["invalid"]:
            check(
                f"birthday {value}",
                lambda value=value: partner.write({"sales_birthday": value}),
                "refused",
            )
            check(
                f"review on {value}",
                lambda value=value: self.env["sales.daily.review"].create(
                    {"user_id": self.salesman_li.id, "date": value}
                ),
                "refused",
            )
        check(
            "birthday 29 February",
            lambda: partner.write({"sales_birthday": dates["leap_day"]}),
            "stored",
        )
        self.assertEqual(partner.sales_birthday, date(2024, 2, 29))
        check(
            "birthday 1900",
            lambda: partner.write({"sales_birthday": dates["year_1900"]}),
            "stored",
        )
        for value in (dates["before_1900"], future):
            check(
                f"birthday {value}",
                lambda value=value: partner.write({"sales_birthday": value}),
                "refused",
            )
        check(
            "founded in the future",
            lambda: partner.write({"sales_founding_date": future}),
            "refused",
        )
        check(
            "review in the future",
            lambda: self.env["sales.daily.review"].create(
                {"user_id": self.salesman_li.id, "date": future}
            ),
            "refused",
        )
        check(
            "activity logged in the future",
            lambda: self.activity.write({"date": future + timedelta(days=2)}),
            "refused",
        )
        check(
            "announcement ending before it starts",
            lambda: self.env["sales.announcement"].create(
                {
                    "name": "Test notice",
                    "date_from": date(2030, 3, 1),
                    "date_to": date(2030, 2, 1),
                }
            ),
            "refused",
        )
        check(
            "period ending before it starts",
            lambda: self.env["date.range"].create(
                {
                    "name": "Test backwards",
                    "type_id": self.month_type.id,
                    "date_start": date(2030, 5, 31),
                    "date_end": date(2030, 5, 1),
                    "company_id": self.company.id,
                }
            ),
            "refused",
        )
        check(
            "period overlapping January",
            lambda: self.env["date.range"].create(
                {
                    "name": "Test overlap",
                    "type_id": self.month_type.id,
                    "date_start": date(2030, 1, 15),
                    "date_end": date(2030, 2, 14),
                    "company_id": self.company.id,
                }
            ),
            "refused",
        )
        self._assert_no_failures(failures)

    def test_owners(self):
        """Archived owners and owners of another company are refused; a customer
        without a salesperson takes an activity."""
        failures = []
        archived = self._create_user(
            "smc_bad_archived", "sales_team.group_sale_salesman"
        )
        archived.active = False
        other_company = self.env["res.company"].create({"name": "Test Other Co"})
        stranger = self._create_user(
            "smc_bad_stranger", "sales_team.group_sale_salesman"
        )
        stranger.write(
            {
                "company_ids": [Command.set(other_company.ids)],
                "company_id": other_company.id,
            }
        )
        for user in (archived, stranger):
            count = self.env["sales.quota"].search_count([])
            outcome, error = self._attempt(
                lambda user=user: self._quota(self.feb, user, 100.0)
            )
            if outcome != "refused":
                failures.append(f"quota for {user.login}: {outcome} {error or ''}")
            if self.env["sales.quota"].search_count([]) != count:
                failures.append(f"quota for {user.login}: half-written")
        outcome, error = self._attempt(
            lambda: self.env["sales.activity"].create(
                {"name": "Test pool visit", "partner_id": self.customer_pool.id}
            )
        )
        if outcome == "crashed":
            failures.append(f"activity on a pool customer: {error}")
        self._assert_no_failures(failures)

    def test_quota_split_bad_lines_create_nothing(self):
        failures = []
        splits = CORPUS["splits"]
        for shares in splits["not_100"] + splits["negative"] + splits["not_a_number"]:
            count = self.env["sales.quota"].search_count([])

            def split(shares=shares):
                wizard = self.env["sales.quota.split"].create(
                    {"quota_id": self.quota.id, "mode": "period", "cycle": "month"}
                )
                # written as an RPC client does (an assignment in Python code
                # converts before write)
                for line, share in zip(wizard.line_ids, shares, strict=False):
                    line.write({"share": share})
                wizard.action_split()

            outcome, error = self._attempt(split)
            if outcome != "refused":
                failures.append(f"split {shares}: {outcome} {error or ''}")
            if self.env["sales.quota"].search_count([]) != count:
                failures.append(f"split {shares}: half-written")
        self._assert_no_failures(failures)

    def test_message_in_chinese(self):
        """The refusal speaks the user's language."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["sales_model_crm"], ["zh_CN"])
        activity = self.activity.with_context(lang="zh_CN")
        with self.assertRaisesRegex(UserError, "拜访时长必须在 0 到 24 小时之间"):
            activity.write({"duration": 25})


@tagged("post_install", "-at_install")
class TestBadInputRpc(SalesQuotaCommon, HttpCase):
    """The same values sent as strings over JSON-RPC by a signed-in director."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quota = cls._quota(cls.q1, cls.salesman_li, 1000.0)

    def _call(self, model, method, args, kwargs=None):
        """(error name or None, error message) of a /web/dataset/call_kw call."""
        payload = {
            "id": 0,
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs or {},
            },
        }
        # the server logs the refusals it answers: expected here
        with mute_logger("odoo.http", "odoo.sql_db"):
            response = self.url_open(
                f"/web/dataset/call_kw/{model}/{method}",
                data=json.dumps(payload),
                headers={"Content-Type": "application/json"},
            )
        self.assertEqual(response.status_code, 200, response.text[:200])
        error = response.json().get("error")
        if not error:
            return None, ""
        return error["data"]["name"], error["data"]["message"]

    def _expect_refusal(self, failures, model, method, args, kwargs=None):
        name, message = self._call(model, method, args, kwargs)
        label = f"{model}.{method}{args!r}"
        if name is None:
            failures.append(f"{label}: accepted")
        elif name not in CLEAR_ERRORS:
            failures.append(f"{label}: {name}: {message[:200]}")

    def test_numbers_as_strings_over_rpc(self):
        self.authenticate(self.director.login, self.director.login)
        failures = []
        quotas = self.env["sales.quota"].search_count([])
        for value in ("NaN", "inf", "-inf", "1e308"):
            for name in ("target", "penalty_value", "split_share"):
                self._expect_refusal(
                    failures, "sales.quota", "write", [self.quota.ids, {name: value}]
                )
            self._expect_refusal(
                failures,
                "res.partner",
                "write",
                [self.customer_li.ids, {"sales_employee_count": value}],
            )
            # a create with one bad value writes nothing
            self._expect_refusal(
                failures,
                "sales.quota",
                "create",
                [
                    {
                        "period_id": self.feb.id,
                        "owner_type": "user",
                        "user_id": self.salesman_zhang.id,
                        "company_id": self.company.id,
                        "minimum": 1,
                        "target": 2,
                        "stretch": value,
                    }
                ],
            )
        # a declared SQL constraint comes back as a ValidationError
        self._expect_refusal(
            failures,
            "sales.customer.tier",
            "write",
            [self.tier_gold.ids, {"care_cadence_days": -1}],
        )
        self._expect_refusal(
            failures,
            "res.partner",
            "write",
            [self.customer_li.ids, {"sales_birthday": "2023-02-29"}],
        )
        self.assertEqual(self.env["sales.quota"].search_count([]), quotas)
        self.quota.invalidate_recordset()
        self.assertEqual(self.quota.target, 1000.0)
        self._assert_no_failures(failures)

    def _assert_no_failures(self, failures):
        self.assertFalse(failures, "\n" + "\n".join(failures))

    def test_numbers_as_strings_in_a_form_get_the_message_over_rpc(self):
        """The web client's onchange (a form being edited) gets the same
        message as a save, for the form's fields, its lines and its dates."""
        self.authenticate(self.director.login, self.director.login)
        failures = []
        plan = self.env["sales.plan"].create(
            {
                "name": "Test onchange plan",
                "period_id": self.q1.id,
                "owner_type": "user",
                "user_id": self.salesman_li.id,
                "company_id": self.company.id,
            }
        )
        line_spec = {"fields": {"kind": {}, "target_count": {}}}
        for value in ("NaN", "inf", "-inf", "1e308", "abc"):
            for name in ("target", "penalty_value", "split_share"):
                # an existing quota, then a new one
                for ids in (self.quota.ids, []):
                    self._expect_refusal(
                        failures,
                        "sales.quota",
                        "onchange",
                        [ids, {name: value}, [name], {name: {}, "attainment": {}}],
                    )
            for name in ("sales_employee_count", "sales_annual_revenue"):
                self._expect_refusal(
                    failures,
                    "res.partner",
                    "onchange",
                    [self.customer_li.ids, {name: value}, [name], {name: {}}],
                )
            # a line of the plan's one2many, typed in the plan's form
            self._expect_refusal(
                failures,
                "sales.plan",
                "onchange",
                [
                    plan.ids,
                    {
                        "line_ids": [
                            [0, "virtual_1", {"kind": "call", "target_count": value}]
                        ]
                    },
                    ["line_ids"],
                    {"line_ids": line_spec},
                ],
            )
            self._expect_refusal(
                failures,
                "res.partner",
                "onchange",
                [
                    self.customer_li.ids,
                    {"sales_birthday": value},
                    ["sales_birthday"],
                    {"sales_birthday": {}},
                ],
            )
        # a good value still gets its onchange
        name, message = self._call(
            "sales.quota",
            "onchange",
            [self.quota.ids, {"target": "2000"}, ["target"], {"target": {}}],
        )
        if name:
            failures.append(f"onchange of a good target: {name}: {message[:200]}")
        self._assert_no_failures(failures)
