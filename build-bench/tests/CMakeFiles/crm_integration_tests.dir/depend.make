# Empty dependencies file for crm_integration_tests.
# This may be replaced when dependencies are built.
