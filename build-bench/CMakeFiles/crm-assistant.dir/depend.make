# Empty dependencies file for crm-assistant.
# This may be replaced when dependencies are built.
