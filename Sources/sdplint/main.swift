print("sdplint")
