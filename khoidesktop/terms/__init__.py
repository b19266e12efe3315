"""Terms, congresses and elections (issue 17): the count of an election's votes and its minutes."""
