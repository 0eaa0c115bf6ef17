# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Install both addons into the ``odoo.addons`` namespace.

``pip install .`` puts ``sales_model_crm`` and ``sales_model_crm_reports`` next to the
OCA wheels (``site-packages/odoo/addons/``), so Odoo finds them without
``--addons-path``. Odoo 18 itself is a prerequisite: it is on no package registry, so
it is not listed in ``install_requires`` (the OCA wheels' ``odoo>=18.0a`` requirement
is met by the Odoo already installed).
"""

from setuptools import find_packages, setup

ADDONS = ("sales_model_crm", "sales_model_crm_reports")

# Files that are not Python packages but belong to an addon. Migration scripts live
# in folders such as ``migrations/18.0.1.1.0``, which are not valid package names,
# so their ``.py`` files must be listed here too.
ADDON_DATA = [
    "**/*.xml",
    "**/*.csv",
    "**/*.po",
    "**/*.pot",
    "**/*.rst",
    "**/*.md",
    "**/*.json",
    "data/**/*",
    "demo/**/*",
    "migrations/**/*.py",
    "readme/*",
    "static/**/*",
]


def addon_packages(addon):
    """The addon's package and its subpackages, named under ``odoo.addons``."""
    prefix = f"odoo.addons.{addon}"
    return [prefix] + [f"{prefix}.{sub}" for sub in find_packages(addon)]


setup(
    name="odoo-addons-sales-model-crm",
    version="18.0.1.0.0",
    description="Sales Model CRM: customer depth management, tiers and the 80/20 "
    "rule for Odoo 18 (addons sales_model_crm and sales_model_crm_reports)",
    author="Sales Model CRM maintainers",
    license="LGPL-3",
    url="https://github.com/sales-model-crm/sales_model_crm",
    python_requires=">=3.10",
    # setuptools resolves subpackages (odoo.addons.<addon>.models, ...) through the
    # longest matching prefix of this mapping.
    package_dir={f"odoo.addons.{addon}": addon for addon in ADDONS},
    packages=[package for addon in ADDONS for package in addon_packages(addon)],
    package_data={f"odoo.addons.{addon}": ADDON_DATA for addon in ADDONS},
    include_package_data=True,
    zip_safe=False,
    install_requires=[
        "odoo-addon-partner-multi-relation==18.0.*",
        "odoo-addon-date-range==18.0.*",
        "odoo-addon-report-xlsx==18.0.*",
    ],
    extras_require={
        "test": ["pytest", "pytest-odoo", "websocket-client", "openpyxl"],
        "lint": ["pre-commit"],
    },
    classifiers=[
        "Programming Language :: Python",
        "Framework :: Odoo",
        "Framework :: Odoo :: 18.0",
        "License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)",
    ],
)
