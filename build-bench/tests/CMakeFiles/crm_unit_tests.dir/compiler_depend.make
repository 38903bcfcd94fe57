# Empty compiler generated dependencies file for crm_unit_tests.
# This may be replaced when dependencies are built.
