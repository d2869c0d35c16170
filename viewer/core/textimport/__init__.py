"""Text, Markdown and HTML letters: source -> blocks -> ImportPlan -> Document."""
