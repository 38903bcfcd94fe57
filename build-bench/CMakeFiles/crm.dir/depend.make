# Empty dependencies file for crm.
# This may be replaced when dependencies are built.
