enum ConformancePlaceholder {}
