"""WordprocessingML written as text: the one place in planner that knows the XML forms.

Other render modules call these builders with values (styles, sizes, twips, text) and never
write markup themselves. Everything stays a string: the body is built once, in order, and
never parsed into a tree, which keeps a 20000-task plan linear (see docs/render.md).

markup     namespaces, escaping, units
text       runs and run properties, the PAGE field
paragraph  paragraphs and paragraph properties
styles     the styles part
section    sectPr and footer parts
table      tables
drawing    the anchored text box
parts      content types, relationships, document, settings, document properties
"""
