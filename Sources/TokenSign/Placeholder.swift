enum TokenSignPlaceholder {}
