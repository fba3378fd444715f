pub Color { Red, Green }
