// placeholder until batch mode lands
